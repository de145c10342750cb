import Foundation
import GRDB
import Store

/// Databases that are not the sample's good year, built in code from a small sample: the
/// built-in reports must stay true on each of them (README, "Reports on any organization's data").
enum DataVariant: String, CaseIterable, Sendable {
    /// Membership fell by about a third in 2023: a third of the members left mid-year and nobody joined.
    case declining
    /// No webinars were held in any year.
    case noWebinars
    /// The organization has no working groups.
    case noWorkingGroups
    /// The CRM spells kinds with capitals (`Webinar`, `Newsletter`).
    case capitalisedKinds
    /// Another organization with another funder.
    case otherOrganization

    static let otherName = "Coastal Cities Network"
    static let otherFunder = "Harbor Trust"

    /// The variant's database (made once per test process from `sample`, never changing it).
    func database(from sample: String) throws -> String {
        let path = (sample as NSString).deletingLastPathComponent + "/variant-\(rawValue).db"
        if FileManager.default.fileExists(atPath: path) { return path }
        let temp = path + ".part"
        try? FileManager.default.removeItem(atPath: temp)
        try FileManager.default.copyItem(atPath: sample, toPath: temp)
        let queue = try AlmanacDatabase.openForWriting(temp)
        try queue.write { db in try apply(db) }
        try FileManager.default.moveItem(atPath: temp, toPath: path)
        return path
    }

    private func apply(_ db: Database) throws {
        func dropActivities(_ condition: String) throws {
            try db.execute(sql: "DELETE FROM attendance WHERE activity_id IN (SELECT id FROM activities WHERE \(condition))")
            try db.execute(sql: "DELETE FROM activity_partners WHERE activity_id IN (SELECT id FROM activities WHERE \(condition))")
            try db.execute(sql: "DELETE FROM activities WHERE \(condition)")
        }
        switch self {
        case .declining:
            let joined2023 = "SELECT id FROM members WHERE joined_on >= '2023-01-01'"
            try db.execute(sql: "DELETE FROM attendance WHERE member_id IN (\(joined2023))")
            try db.execute(sql: "DELETE FROM working_group_members WHERE member_id IN (\(joined2023))")
            try db.execute(sql: "DELETE FROM members WHERE joined_on >= '2023-01-01'")
            try db.execute(sql: """
                UPDATE members SET left_on = '2023-06-30'
                WHERE id % 3 = 0 AND (left_on IS NULL OR left_on > '2023-06-30')
                """)
            try db.execute(sql: "DELETE FROM working_group_members WHERE member_id % 3 = 0 AND joined_on > '2023-06-30'")
            try db.execute(sql: "UPDATE working_group_members SET left_on = '2023-06-30' WHERE member_id % 3 = 0 AND (left_on IS NULL OR left_on > '2023-06-30')")
            try db.execute(sql: "DELETE FROM attendance WHERE member_id % 3 = 0 AND activity_id IN (SELECT id FROM activities WHERE held_on >= '2023-06-30')")
        case .noWebinars:
            try dropActivities("lower(kind) = 'webinar'")
            try db.execute(sql: "DELETE FROM targets WHERE metric LIKE '%webinar%'")
        case .noWorkingGroups:
            try db.execute(sql: "DELETE FROM working_group_members")
            try db.execute(sql: "UPDATE activities SET working_group_id = NULL")
            try db.execute(sql: "DELETE FROM working_groups")
        case .capitalisedKinds:
            try db.execute(sql: "UPDATE activities SET kind = upper(substr(kind, 1, 1)) || substr(kind, 2)")
        case .otherOrganization:
            try db.execute(sql: "UPDATE organization SET name = ?, short_name = 'CCN'", arguments: [Self.otherName])
            try db.execute(sql: "UPDATE grants SET funder = ?, title = 'Core support'", arguments: [Self.otherFunder])
        }
    }
}
