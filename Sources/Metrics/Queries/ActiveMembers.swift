/// DESIGN.md's active(d) — `joined_on ≤ d AND (left_on IS NULL OR left_on > d)` — as the one SQL
/// condition every query that asks "who was a member on day d" uses (the distribution, the
/// working groups, engagement and the member directory), so the rule is written once.
enum ActiveMembers {
    /// The condition for rows of `members` (or of `working_group_members`, whose dates follow
    /// the same rule), optionally qualified by a table alias, on the day bound to `day`.
    static func condition(on day: String, alias: String? = nil) -> String {
        let p = alias.map { "\($0)." } ?? ""
        return "\(p)joined_on <= \(day) AND (\(p)left_on IS NULL OR \(p)left_on > \(day))"
    }
}
