/// English noun forms for counted things ("1 member", "2 members", "3 activities"): one rule for
/// the `plural` and `change` formatters and the metric catalogue's nouns.
public enum EnglishNoun {
    /// "member" → "members", "activity" → "activities", "box" → "boxes", "day" → "days".
    public static func plural(_ noun: String) -> String {
        let lower = noun.lowercased()
        if lower.hasSuffix("y"), let before = lower.dropLast().last, !"aeiou".contains(before) { return noun.dropLast() + "ies" }
        if ["s", "x", "z", "ch", "sh"].contains(where: { lower.hasSuffix($0) }) { return noun + "es" }
        return noun + "s"
    }

    /// The singular and plural of a noun written in either form: "members" → (member, members),
    /// "activities" → (activity, activities), "country" → (country, countries).
    public static func forms(_ noun: String) -> (singular: String, plural: String) {
        let lower = noun.lowercased()
        if lower.hasSuffix("ies") { return (noun.dropLast(3) + "y", noun) }
        if lower.hasSuffix("s"), !lower.hasSuffix("ss") { return (String(noun.dropLast()), noun) }
        return (noun, plural(noun))
    }
}
