/// Names reduced to lower-case letters and digits joined by one separator: "Join Date" →
/// `join_date` (CSV headers matched to columns), "Europe & Central Asia" → `europe-central-asia`
/// (file names of `--each` reports).
public enum Slug {
    public static func make(_ text: String, separator: Character) -> String {
        var out = ""
        var pending = false
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                if pending, !out.isEmpty { out.append(separator) }
                out.append(ch)
                pending = false
            } else {
                pending = true
            }
        }
        return out
    }
}
