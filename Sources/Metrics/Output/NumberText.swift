/// Numbers as people and spreadsheets read them, independent of the machine's locale.
enum NumberText {
    /// 1234567 → "1,234,567"; a number that is not whole keeps one decimal ("12.5").
    static func grouped(_ x: Double) -> String { format(x, alwaysDecimal: false) }

    /// 0.5234 → "52.3%".
    static func percent(_ fraction: Double) -> String { format(fraction * 100, alwaysDecimal: true) + "%" }

    /// A leading "+" on positive changes.
    static func signed(_ text: String, _ x: Double) -> String { x > 0 ? "+" + text : text }

    /// The shortest exact text: 1640.0 → "1640", 0.52 → "0.52" (CSV cells).
    static func plain(_ x: Double) -> String {
        x == x.rounded() && x.magnitude < 1e15 ? String(Int(x)) : "\(x)"
    }

    private static func format(_ x: Double, alwaysDecimal: Bool) -> String {
        let tenths = Int((x.magnitude * 10).rounded())
        let digits = String(tenths / 10)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        if alwaysDecimal || tenths % 10 != 0 { out += ".\(tenths % 10)" }
        return (x < 0 && tenths > 0 ? "-" : "") + out
    }
}
