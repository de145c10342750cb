/// Text from a database or a file made safe to print on a terminal: control characters (an
/// escape sequence in a member's name could rewrite the screen) are shown as `\u{1B}`-style
/// code points instead of being sent to the terminal.
public enum UnprintableText {
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { TextFieldRules.isForbidden($0) }) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            if TextFieldRules.isForbidden(s) { out += "<" + TextFieldRules.codePoint(s) + ">" } else { out.unicodeScalars.append(s) }
        }
        return out
    }
}
