import Base

/// Built-in mapping files for the CRMs people use: `--preset NAME` reads one as if it were
/// `--mapping FILE.yaml`, and `almanac import --show-preset NAME` prints it to start a new one.
public enum Presets {
    public static let names = ["civicrm", "wild-apricot"]

    /// The preset's YAML, or a one-line error naming the presets there are.
    public static func yaml(_ name: String) throws -> String {
        switch name.lowercased() {
        case "civicrm": return civicrm
        case "wild-apricot", "wildapricot": return wildApricot
        default:
            throw StoreError("unknown preset '\(name)'\(NearMiss.hint(for: name, in: names)); presets: \(names.joined(separator: ", ")), or pass your own --mapping FILE.yaml")
        }
    }

    public static func mapping(_ name: String) throws -> ImportMapping {
        try ImportMapping(yaml: yaml(name), origin: "preset \(name.lowercased())")
    }

    static let civicrm = """
        # CiviCRM: the membership export (Contacts › Memberships › Export) into members, and the
        # event summary report into activities. One row per membership: rows of one contact merge.
        members:
          columns:
            external_id: Contact ID
            name: [First Name, Last Name]
            email: Email
            country_code: Country
            joined_on: {first: [Member Since, Membership Start Date]}
          date_format: ymd
          # New, Current and Grace are members; Pending is not a member yet.
          skip:
            - {when: Membership Status, is: [Pending], why: pending}
          # Expired, Cancelled and Deceased memberships ended: the person left the day after the end date.
          left_on: {when: Membership Status, is: [Expired, Cancelled, Deceased], date: {first: [Membership Expiration Date, Membership End Date]}, add_days: 1}
          merge_by: [external_id, email]
        activities:
          columns:
            title: Event Title
            kind: {header: Event Type, map: {Conference: convening, Meeting: convening, Workshop: convening, Webinar: webinar, Training: online course}}
            held_on: Event Start Date
            participants: {first: [Counted, Participants (Counted), Participants]}
        """

    static let wildApricot = """
        # Wild Apricot: the contacts export into members, and the event registrations export into
        # attendance (with one activity per event).
        members:
          columns:
            external_id: User ID
            name: [First name, Last name]
            email: Email
            country_code: Country
            joined_on: Member since
          date_format: dmy
          # Contacts whose membership is not enabled, and new applications, are not members.
          skip:
            - {when: Membership enabled, is_not: ["yes", "true", "1"], why: membership not enabled}
            - {when: Membership status, is: [Pending - New], why: pending}
          # Active and Pending - Renewal are members; Lapsed and Suspended ended on Renewal due.
          left_on: {when: Membership status, is: [Lapsed, Suspended], date: Renewal due, add_days: 0}
          merge_by: [external_id, email]
        attendance:
          columns:
            activity_id: Event ID
            member_id: {header: User ID, by: external_id}
          date_format: dmy
          unknown_members: skip
          also:
            activities:
              key: Event ID
              columns:
                id: Event ID
                title: Event title
                held_on: Event start date
                kind: {value: event}
                participants: {count: rows}
        """
}
