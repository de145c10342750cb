import Foundation
import GRDB
import Testing

/// Exports in the shapes CiviCRM and Wild Apricot write them (BOM, CRLF, quoted newlines, one
/// row per membership, pending and lapsed statuses, non-members, scheduled events), imported
/// with one `--preset` command each into a fresh `init` database; the metrics are checked
/// against values worked out by hand below.
@Suite("CRM imports")
struct CRMImportTests {
    static let bom = "\u{FEFF}"

    /// CiviCRM membership export: Ana has two memberships (expired, then current), Chen is
    /// pending, Dee cancelled, Femi and Gus ended, Bob is a lifetime member with no end date.
    static let civicrmMembers = bom + [
        "Contact ID,First Name,Last Name,Email,Country,Member Since,Membership Start Date,Membership Expiration Date,Membership Status,Membership Type,Note",
        "201,Ana,Silva,ana@example.org,Brasil,2023-02-01,2023-02-01,2024-01-31,Expired,Individual,",
        "201,Ana,Silva,ana@example.org,Brasil,2024-03-01,2024-03-01,2025-02-28,Current,Individual,\"renewed\nlate\"",
        "202,Bob,Jones,bob@example.org,USA,2022-05-10,2022-05-10,,Current,Lifetime,",
        "203,Chen,Li,chen@example.org,中国,2024-06-01,2024-06-01,2025-05-31,Pending,Individual,",
        "204,Dee,Kaur,dee@example.org,\"Korea, Republic of\",2023-01-15,2023-01-15,2024-01-14,Cancelled,Individual,",
        "205,Eve,Martin,eve@example.org,The Netherlands,2024-09-01,2024-09-01,2025-08-31,Grace,Individual,",
        "206,Femi,Ade,femi@example.org,Nigeria,2025-03-01,2025-03-01,2025-06-30,Expired,Individual,",
        "207,Gus,Grant,gus@example.org,England,2023-11-01,2023-11-01,2025-01-31,Deceased,Individual,",
        "208,Hana,Sato,hana@example.org,日本,2025-01-10,2025-01-10,2026-01-09,New,Individual,",
    ].joined(separator: "\r\n") + "\r\n"

    /// CiviCRM event summary report: one event scheduled after --today.
    static let civicrmEvents = bom + [
        "Event Title,Event Type,Event Start Date,Counted,Not Counted",
        "Budget Webinar,Webinar,\"January 5th, 2024 10:00 AM\",45,3",
        "Annual Conference,Conference,\"March 14th, 2025  3:00 PM\",120,10",
        "Future Summit,Conference,\"November 2nd, 2026  9:00 AM\",0,0",
    ].joined(separator: "\r\n") + "\r\n"

    /// Wild Apricot contacts: dates DD/MM/YYYY, Lea's membership is not enabled, Ines is listed
    /// twice, Jon lapsed and Max was suspended.
    static let wildApricotContacts = bom + [
        "User ID,First name,Last name,Email,Country,Member since,Membership status,Renewal due,Membership enabled,Organization",
        "5001,Ines,Moreau,ines@example.org,France,15/03/2023,Active,15/03/2026,yes,\"Ville de Lyon\"",
        "5002,Jon,Berg,jon@example.org,Deutschland,01/06/2023,Lapsed,01/06/2024,yes,",
        "5003,Kai,Tan,kai@example.org,Singapore,10/10/2024,Pending - Renewal,10/10/2025,yes,",
        "5004,Lea,Roth,lea@example.org,Schweiz,,,,no,",
        "5005,Max,Ng,max@example.org,Hong Kong SAR,05/02/2025,Suspended,05/08/2025,yes,",
        "5006,Nia,Obi,nia@example.org,Côte d’Ivoire,20/12/2023,Active,20/12/2025,yes,\"Commune\nd'Abidjan\"",
        "5001,Ines,Moreau,ines@example.org,France,15/03/2023,Active,15/03/2026,yes,\"Ville de Lyon\"",
    ].joined(separator: "\r\n") + "\r\n"

    /// Wild Apricot event registrations: Lea (not a member) registered too.
    static let wildApricotRegistrations = bom + [
        "Event ID,Event title,Event start date,User ID,First name,Last name,Email,Registration type",
        "9001,Spring Webinar,22 Jan 2024 02:00 PM,5001,Ines,Moreau,ines@example.org,Member",
        "9001,Spring Webinar,22 Jan 2024 02:00 PM,5003,Kai,Tan,kai@example.org,Member",
        "9001,Spring Webinar,22 Jan 2024 02:00 PM,5004,Lea,Roth,lea@example.org,Guest",
        "9002,Autumn Meeting,5 Oct 2025 10:00 AM,5001,Ines,Moreau,ines@example.org,Member",
        "9002,Autumn Meeting,5 Oct 2025 10:00 AM,5006,Nia,Obi,nia@example.org,Member",
    ].joined(separator: "\r\n") + "\r\n"

    /// Scalar metrics of one year, from `almanac metrics --format csv`.
    func metrics(_ db: String, _ year: Int) throws -> [String: String] {
        let r = try CLI.run(["metrics", db, "--year", String(year), "--format", "csv", "--today", "2026-06-30"])
        #expect(r.status == 0, "\(r.stderr)")
        var out: [String: String] = [:]
        for line in r.stdout.split(separator: "\n") {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            if f.count > 2, f[1].isEmpty { out[String(f[0])] = String(f[2]) }
        }
        return out
    }

    func rows(_ db: String, _ sql: String) throws -> [String] {
        try DatabaseQueue(path: db).read { try String.fetchAll($0, sql: sql) }
    }

    @Test func civicrmExportsImportAsTheyCome() throws {
        let t = TempDir(); defer { t.remove() }
        let db = t.file("org.db")
        #expect(try CLI.run(["init", db]).status == 0)
        let m = try CLI.run(["import", db, "members", t.write("memberships.csv", Self.civicrmMembers), "--preset", "civicrm"])
        #expect(m.status == 0, "\(m.stderr)")
        #expect(m.stdout == "members: 7 added, 0 updated, 0 unchanged, 1 skipped (1 pending)\n")
        let a = try CLI.run(["import", db, "activities", t.write("events.csv", Self.civicrmEvents), "--preset", "civicrm"])
        #expect(a.stdout == "activities: 3 added, 0 updated, 0 unchanged, 0 skipped\n", "\(a.stderr)")

        // End of 2023: Ana (first membership), Bob, Dee, Gus. 2024: Dee left on 2024-01-15, Eve
        // joined; Ana's memberships merge into one that is current. 2025: Femi joined and left,
        // Gus left on 2025-02-01, Hana joined.
        let y23 = try metrics(db, 2023), y24 = try metrics(db, 2024), y25 = try metrics(db, 2025)
        #expect([y23["members.end"], y24["members.end"], y25["members.end"]] == ["4", "4", "4"])
        #expect([y23["members.new"], y24["members.new"], y25["members.new"]] == ["3", "1", "2"])
        #expect([y23["members.lapsed"], y24["members.lapsed"], y25["members.lapsed"]] == ["0", "1", "2"])
        #expect(y25["countries.count"] == "4", "BR, US, NL, JP")
        #expect([y24["activities.count"], y25["activities.count"]] == ["1", "1"])
        #expect(y25["activities.participants"] == "120")
        #expect(try rows(db, "SELECT external_id || ' ' || joined_on || ' ' || ifnull(left_on, '-') FROM members ORDER BY external_id") == [
            "201 2023-02-01 -", "202 2022-05-10 -", "204 2023-01-15 2024-01-15", "205 2024-09-01 -",
            "206 2025-03-01 2025-07-01", "207 2023-11-01 2025-02-01", "208 2025-01-10 -",
        ])
        #expect(try rows(db, "SELECT kind FROM activities ORDER BY held_on") == ["webinar", "convening", "convening"])

        let check = try CLI.run(["check", db, "--today", "2026-06-30"])
        #expect(check.stdout.contains("warning: 1 activity scheduled after 2026-06-30"), "\(check.stdout)")

        // The yearly refresh, twice: the same rows each time.
        let before = try rows(db, "SELECT * FROM members ORDER BY id").joined(separator: "\n")
        for _ in 0..<2 {
            let r = try CLI.run(["import", db, "members", t.file("memberships.csv"), "--preset", "civicrm", "--update"])
            #expect(r.stdout == "members: 0 added, 0 updated, 7 unchanged, 1 skipped (1 pending)\n", "\(r.stderr)")
            let e = try CLI.run(["import", db, "activities", t.file("events.csv"), "--preset", "civicrm", "--replace"])
            #expect(e.stdout == "activities: 0 added, 0 updated, 3 unchanged, 0 skipped\n", "\(e.stderr)")
        }
        #expect(try rows(db, "SELECT * FROM members ORDER BY id").joined(separator: "\n") == before)
        #expect(try rows(db, "SELECT count(*) FROM activities") == ["3"])
    }

    @Test func wildApricotExportsImportAsTheyCome() throws {
        let t = TempDir(); defer { t.remove() }
        let db = t.file("org.db")
        #expect(try CLI.run(["init", db]).status == 0)
        let m = try CLI.run(["import", db, "members", t.write("contacts.csv", Self.wildApricotContacts), "--preset", "wild-apricot"])
        #expect(m.stdout == "members: 5 added, 0 updated, 0 unchanged, 1 skipped (1 membership not enabled)\n", "\(m.stderr)")
        let r = try CLI.run(["import", db, "attendance", t.write("registrations.csv", Self.wildApricotRegistrations), "--preset", "wild-apricot"])
        #expect(r.stdout == "activities: 2 added, 0 updated, 0 unchanged, 0 skipped\nattendance: 4 added, 0 updated, 0 unchanged, 1 skipped (1 not members)\n", "\(r.stderr)")

        // End of 2023: Ines, Jon, Nia. 2024: Jon lapsed on 2024-06-01, Kai joined. 2025: Max
        // joined and was suspended.
        let y23 = try metrics(db, 2023), y24 = try metrics(db, 2024), y25 = try metrics(db, 2025)
        #expect([y23["members.end"], y24["members.end"], y25["members.end"]] == ["3", "3", "3"])
        #expect([y23["members.new"], y24["members.new"], y25["members.new"]] == ["3", "1", "1"])
        #expect([y24["members.lapsed"], y25["members.lapsed"]] == ["1", "1"])
        #expect(y25["countries.count"] == "3", "FR, SG, CI")
        #expect([y24["activities.count"], y25["activities.count"]] == ["1", "1"])
        #expect(try rows(db, "SELECT id || ' ' || held_on || ' ' || participants FROM activities ORDER BY id") == ["9001 2024-01-22 3", "9002 2025-10-05 2"])

        let check = try CLI.run(["check", db, "--today", "2026-06-30"])
        #expect(check.stdout.contains("warning: 1 attendance record by people who were not members that day"), "Kai registered before joining: \(check.stdout)")

        let snapshot = try rows(db, "SELECT count(*) FROM attendance") + rows(db, "SELECT group_concat(id || name || ifnull(left_on, ''), ';') FROM members")
        for _ in 0..<2 {
            #expect(try CLI.run(["import", db, "members", t.file("contacts.csv"), "--preset", "wild-apricot", "--update"]).status == 0)
            #expect(try CLI.run(["import", db, "attendance", t.file("registrations.csv"), "--preset", "wild-apricot", "--update"]).status == 0)
        }
        #expect(try rows(db, "SELECT count(*) FROM attendance") + rows(db, "SELECT group_concat(id || name || ifnull(left_on, ''), ';') FROM members") == snapshot)
    }

    @Test func badInputsFailOnOneLineAndLeaveTheDatabaseAsItWas() throws {
        let t = TempDir(); defer { t.remove() }
        let db = t.file("org.db")
        #expect(try CLI.run(["init", db]).status == 0)
        #expect(try CLI.run(["import", db, "members", t.write("contacts.csv", Self.wildApricotContacts), "--preset", "wild-apricot"]).status == 0)
        #expect(try CLI.run(["import", db, "attendance", t.write("registrations.csv", Self.wildApricotRegistrations), "--preset", "wild-apricot"]).status == 0)
        let before = t.bytes("org.db")
        let header = "User ID,First name,Last name,Email,Country,Member since,Membership status,Renewal due,Membership enabled\n"
        t.write("country.csv", header + "6001,Ola,Nord,ola@example.org,Ruritania,01/02/2024,Active,01/02/2025,yes\n")
        t.write("date.csv", header + "6002,Per,Sand,per@example.org,Norway,2024-02-30,Active,01/02/2025,yes\n")
        t.write("typo.yaml", "members:\n  columns:\n    name: First name\n    joined_on: Member since\n  skipp:\n    - {when: Membership status, is: [Lapsed]}\n")
        t.write("fewer.csv", header + "5001,Ines,Moreau,ines@example.org,France,15/03/2023,Active,15/03/2026,yes\n")
        let cases: [([String], String)] = [
            (["import", db, "members", t.file("country.csv"), "--preset", "wild-apricot"],
             "\(t.file("country.csv")):2: country_code: unknown country 'Ruritania'; add an alias with --country-alias \"Ruritania=CODE\" or in a mapping file"),
            (["import", db, "members", t.file("date.csv"), "--preset", "wild-apricot"],
             "\(t.file("date.csv")):2: joined_on: '2024-02-30' is not a date in the format dmy"),
            (["import", db, "members", t.file("contacts.csv"), "--preset", "civi"],
             "unknown preset 'civi'"),
            (["import", db, "members", t.file("contacts.csv"), "--mapping", t.file("typo.yaml")],
             "\(t.file("typo.yaml")): members: unknown key 'skipp' (did you mean skip?)"),
            (["import", db, "members", t.file("fewer.csv"), "--preset", "wild-apricot", "--replace"],
             "--replace would remove members rows that 2 attendance rows point at (attendance.member_id); pass --cascade"),
        ]
        for (args, expected) in cases {
            let r = try CLI.run(args)
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr.hasPrefix(expected), "\(args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count <= 2, "one line, and the summary of a file's problems")
            #expect(r.stdout.isEmpty)
            #expect(t.bytes("org.db") == before, "\(args)")
        }
        let cascade = try CLI.run(["import", db, "members", t.file("fewer.csv"), "--preset", "wild-apricot", "--replace", "--cascade"])
        #expect(cascade.stdout == "members: 0 added, 0 updated, 1 unchanged, 0 skipped, 4 removed, 2 attendance rows removed\n", "\(cascade.stderr)")
        #expect(try CLI.run(["import", "--show-preset", "wild-apricot"]).stdout.contains("external_id: User ID"))
    }
}
