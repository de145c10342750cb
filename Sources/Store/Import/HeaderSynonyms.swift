/// Other spellings of column names that exports use: an unmapped header with one of these
/// slugs fills the column (`Country` → country_code, `Member Since` → joined_on).
enum HeaderSynonyms {
    static let byColumn: [String: [String]] = [
        "country_code": ["country", "country_iso", "country_name", "nation"],
        "joined_on": ["member_since", "join_date", "joined", "date_joined", "start_date", "membership_start_date"],
        "left_on": ["left", "end_date", "date_left", "membership_end_date"],
        "email": ["e_mail", "email_address", "mail"],
        "external_id": ["contact_id", "user_id", "member_id", "crm_id"],
        "held_on": ["date", "event_date", "start_date", "event_start_date"],
        "title": ["event_title", "event_name", "name"],
        "kind": ["type", "event_type", "activity_type"],
        "participants": ["attendees", "participant_count", "registrations"],
        "region_id": ["region"],
    ]

    /// The header index a column takes under another name, among headers not used yet.
    static func header(for column: String, in normalized: [String], unused: (Int) -> Bool) -> Int? {
        for synonym in byColumn[column] ?? [] {
            if let i = normalized.firstIndex(of: synonym), unused(i) { return i }
        }
        return nil
    }
}
