import Base

/// The MetricSet as aligned text tables for people (`almanac metrics --format table`), with
/// numbers written as reports write them (Formatting.NumberText).
public enum MetricTable {
    public static func render(_ set: MetricSet) -> String {
        var out = "Metrics for \(set.period), compared with \(set.previousPeriod)\n"
        for note in set.notes { out += "Note: \(note)\n" }
        let scalarRows = MetricCatalogue.all.compactMap { d -> [String]? in
            guard d.shape == .scalar, let m = set.scalar(d.name) else { return nil }
            return [d.name, text(m.value, d.unit), text(m.previous, d.unit), change(m.change, d.unit), changePct(m.changePct)]
        }
        out += "\n" + table(["metric", "value", "previous", "change", "change %"], scalarRows)
        for d in MetricCatalogue.all where d.shape == .grouped {
            guard let rows = set.grouped(d.name) else { continue }
            out += "\n\(d.name)\n"
            if rows.isEmpty { out += "  (no rows)\n"; continue }
            out += table(["key", "value", "share", "previous", "change %"], rows.map { r in
                [r.key ?? "(none)", text(r.value, .count), r.share.map { NumberText.percent($0, decimals: 1) } ?? "—",
                 text(r.previous, .count), changePct(r.changePct)]
            }, indent: "  ", droppingEmptyColumns: true)
        }
        if !set.grants.isEmpty {
            out += "\ngrants overlapping the period\n"
            out += table(["funder", "title", "from", "to", "amount"], set.grants.map { g in
                [g.funder, g.title, g.startsOn.iso, g.endsOn.iso,
                 g.amountCents.map { [g.currency, count(Double($0) / 100)].compactMap { $0 }.joined(separator: " ") } ?? "—"]
            }, indent: "  ")
        }
        if !set.targets.isEmpty {
            out += "\ntargets overlapping the period\n"
            out += table(["metric", "target", "actual", "from", "to", "note"], set.targets.map { t in
                let unit = MetricCatalogue.definition(String(t.metric.prefix { $0 != "[" }))?.unit ?? .count
                return [t.metric, text(t.target, unit), text(t.actual, unit), t.startsOn.iso, t.endsOn.iso, t.note ?? ""]
            }, indent: "  ")
        }
        return out
    }

    private static func text(_ x: Double?, _ unit: MetricDefinition.Unit) -> String {
        guard let x else { return "—" }
        return unit == .ratio ? NumberText.percent(x, decimals: 1) : count(x)
    }

    /// Whole counts without decimals; sums of fractions (none today) with one.
    private static func count(_ x: Double) -> String {
        NumberText.grouped(x, decimals: x == x.rounded() ? 0 : 1)
    }

    /// A change of a ratio is in percentage points.
    private static func change(_ x: Double?, _ unit: MetricDefinition.Unit) -> String {
        guard let x else { return "—" }
        return unit == .ratio ? NumberText.signedPoints(x, decimals: 1) : NumberText.signed(x, decimals: x == x.rounded() ? 0 : 1)
    }

    private static func changePct(_ x: Double?) -> String {
        x.map { NumberText.signedPercent($0, decimals: 1) } ?? "—"
    }

    /// Left-aligned first and text columns, right-aligned numbers; widths from the contents.
    /// Columns with no value in any row (shares and previous values of a series) can be left out.
    private static func table(_ header: [String], _ rows: [[String]], indent: String = "", droppingEmptyColumns: Bool = false) -> String {
        let kept = header.indices.filter { c in !droppingEmptyColumns || c == 0 || rows.contains { $0[c] != "—" } }
        let header = kept.map { header[$0] }, rows = rows.map { row in kept.map { row[$0] } }
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        let numeric = header.indices.map { c in c > 0 && rows.allSatisfy { isNumeric($0[c]) } }
        return all.map { row in
            let cells = row.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - row[c].count)
                return numeric[c] ? pad + row[c] : row[c] + pad
            }
            return indent + cells.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }

    private static func isNumeric(_ cell: String) -> Bool {
        cell == "—" || cell.first.map { $0.isNumber || "+−±".contains($0) } == true
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
