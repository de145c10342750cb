import GRDB

/// The tables and columns the metrics read. A database missing one (built by hand, or edited
/// outside Almanac) gets an error naming it instead of an SQLite message mid-computation.
enum RequiredSchema {
    static let columns: KeyValuePairs<String, [String]> = [
        "regions": ["id", "name"],
        "countries": ["code", "region_id"],
        "members": ["id", "country_code", "sector", "joined_on", "left_on"],
        "working_groups": ["id", "name", "kind", "established_on"],
        "working_group_members": ["working_group_id", "member_id", "joined_on", "left_on"],
        "activities": ["id", "kind", "held_on", "working_group_id", "participants"],
        "partners": ["id", "name"],
        "activity_partners": ["activity_id", "partner_id"],
        "attendance": ["activity_id", "member_id"],
        "grants": ["id", "funder", "title", "amount_cents", "currency", "starts_on", "ends_on", "purpose"],
        "targets": ["id", "metric", "starts_on", "ends_on", "value", "note"],
    ]

    static func verify(_ db: Database, path: String) throws {
        let fix = "`almanac init` creates it: make a new database with `almanac init NEW.db` and import your data into it"
        for (table, required) in columns {
            guard try db.tableExists(table) else {
                throw MetricsError("\(path): table \(table) is missing; \(fix)")
            }
            let present = Set(try db.columns(in: table).map { $0.name.lowercased() })
            if let column = required.first(where: { !present.contains($0) }) {
                throw MetricsError("\(path): table \(table) has no column \(column); \(fix)")
            }
        }
    }
}
