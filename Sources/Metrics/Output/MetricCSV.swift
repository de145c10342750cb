import Foundation

/// The MetricSet as CSV for spreadsheets (`almanac metrics --format csv`): one row per scalar
/// metric and one per group of a grouped metric; empty cells where a value does not exist.
public enum MetricCSV {
    public static let header = ["metric", "key", "value", "previous", "change", "change_pct", "share"]

    public static func render(_ set: MetricSet) -> String {
        var lines = [header.joined(separator: ",")]
        for d in MetricCatalogue.all {
            if let m = set.scalar(d.name) {
                lines.append(line([d.name, "", cell(m.value), cell(m.previous), cell(m.change), cell(m.changePct), ""]))
            }
            for r in set.grouped(d.name) ?? [] {
                lines.append(line([d.name, r.key ?? "", cell(r.value), cell(r.previous),
                                   cell(Ratio.difference(r.value, r.previous)), cell(r.changePct), cell(r.share)]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The shortest exact text, for programs rather than people: 1640.0 → "1640", 0.52 → "0.52".
    private static func cell(_ x: Double?) -> String {
        guard let x else { return "" }
        return x == x.rounded() && x.magnitude < 1e15 ? String(Int(x)) : "\(x)"
    }

    /// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled.
    private static func line(_ fields: [String]) -> String {
        fields.map { f in
            f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",")
    }
}
