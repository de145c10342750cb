import CSV
import Foundation

/// The MetricSet as CSV for spreadsheets (`almanac metrics --format csv`): one row per scalar
/// metric and one per group of a grouped metric; empty cells where a value does not exist.
public enum MetricCSV {
    public static let header = ["metric", "key", "value", "previous", "change", "change_pct", "share"]

    public static func render(_ set: MetricSet) throws -> String {
        let stream = OutputStream.toMemory()
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: header)
        for d in MetricCatalogue.all {
            if let m = set.scalar(d.name) {
                try writer.write(row: [d.name, "", cell(m.value), cell(m.previous), cell(m.change), cell(m.changePct), ""])
            }
            for r in set.grouped(d.name) ?? [] {
                try writer.write(row: [d.name, r.key ?? "", cell(r.value), cell(r.previous),
                                        cell(Ratio.difference(r.value, r.previous)), cell(r.changePct), cell(r.share)])
            }
        }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The shortest exact text, for programs rather than people: 1640.0 → "1640", 0.52 → "0.52".
    private static func cell(_ x: Double?) -> String {
        guard let x else { return "" }
        return x == x.rounded() && x.magnitude < 1e15 ? String(Int(x)) : "\(x)"
    }
}
