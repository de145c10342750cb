/// Whole-number percentages that add up to exactly 100 (largest-remainder rounding), so a
/// donut's labels never total 99% or 101%.
enum Shares {
    static func percentages(_ values: [Double]) -> [Int] {
        let total = values.reduce(0, +)
        guard total > 0 else { return values.map { _ in 0 } }
        let exact = values.map { $0 / total * 100 }
        var rounded = exact.map { Int($0.rounded(.down)) }
        var left = 100 - rounded.reduce(0, +)
        for i in exact.indices.sorted(by: { exact[$0] - Double(rounded[$0]) > exact[$1] - Double(rounded[$1]) }) where left > 0 {
            rounded[i] += 1
            left -= 1
        }
        return rounded
    }
}
