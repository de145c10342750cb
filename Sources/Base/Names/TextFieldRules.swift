/// Which characters a text field may hold: none of the C0/C1 control characters except tab and
/// newline, and no Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of
/// every plane). A NUL cuts a value short in SQLite's C API, and Pango refuses noncharacters
/// ("input string not valid UTF-8"), so such a value would fail a build pages later naming no
/// row: import refuses it with the row, and `check` and Metrics find it in a database edited
/// by hand. One rule for all three, here.
public enum TextFieldRules {
    /// Whether `scalar` is not allowed in a text field.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v == 0x09 || v == 0x0A { return false }
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        if (0xFDD0...0xFDEF).contains(v) { return true }
        return v & 0xFFFE == 0xFFFE
    }

    /// What is wrong with `text` ("contains U+0000 (a control character) at character 4"), or
    /// nil when every character is allowed.
    public static func problem(in text: String) -> String? {
        for (i, s) in text.unicodeScalars.enumerated() where isForbidden(s) {
            let what = s.value < 0xA0 ? "a control character" : "a Unicode noncharacter"
            return "contains \(codePoint(s)) (\(what)) at character \(i + 1); remove it"
        }
        return nil
    }

    /// "U+0000", "U+FFFE".
    public static func codePoint(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A SQLite GLOB pattern matching any text that holds a forbidden character (GLOB's
    /// `[…]` ranges work on code points), so `check` and Metrics find them in SQL.
    public static let sqlGlobPattern: String = {
        var ranges: [(UInt32, UInt32)] = [(0x01, 0x08), (0x0B, 0x1F), (0x7F, 0x9F), (0xFDD0, 0xFDEF)]
        for plane in UInt32(0)...16 { ranges.append((plane << 16 | 0xFFFE, plane << 16 | 0xFFFF)) }
        var pattern = "*["
        for (a, b) in ranges {
            pattern.unicodeScalars.append(Unicode.Scalar(a)!)
            pattern += "-"
            pattern.unicodeScalars.append(Unicode.Scalar(b)!)
        }
        return pattern + "]*"
    }()
}
