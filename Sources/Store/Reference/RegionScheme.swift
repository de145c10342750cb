import GRDB

/// The default regions `almanac init` gives every country, all from UN M49 (via CLDR's
/// territory containment): 18 sub-regions (Kosovo and Antarctica included as CLDR places
/// them), 24 intermediate regions (Africa and Latin America split further), or 5 continents.
/// An organization with its own regions re-maps countries with `almanac import DB countries`,
/// or starts from `none` (no regions or countries) and imports both.
public enum RegionScheme: String, CaseIterable, Sendable {
    case subregions, intermediate, continents, none

    func region(of entry: CountryTable.Entry) -> String {
        switch self {
        case .subregions: entry.subregion
        case .intermediate: entry.intermediate
        case .continents: entry.continent
        case .none: ""
        }
    }

    /// Inserts the scheme's regions and every country, in one transaction with the caller's.
    func seed(_ db: Database) throws {
        guard self != .none else { return }
        let names = Array(Set(CountryTable.entries.map(region))).sorted()
        for name in names { try db.execute(sql: "INSERT INTO regions (name) VALUES (?)", arguments: [name]) }
        for entry in CountryTable.entries {
            try db.execute(sql: "INSERT INTO countries (code, name, region_id) VALUES (?, ?, (SELECT id FROM regions WHERE name = ?))",
                           arguments: [entry.code, entry.name, region(of: entry)])
        }
    }
}
