import GRDB
import Store

/// The names a report prints that come from the database rather than from a metric: the
/// organization's own name (so a built-in report is any organization's, not the sample's)
/// and country names for the ISO codes members are stored with.
public struct OrganizationProfile: Hashable, Sendable {
    /// `organization.name`; nil when the table is empty.
    public let name: String?
    /// `organization.short_name`, else the name.
    public let shortName: String?
    /// ISO code → English name, from the countries table.
    public let countryNames: [String: String]

    public init(name: String?, shortName: String?, countryNames: [String: String]) {
        self.name = name
        self.shortName = shortName
        self.countryNames = countryNames
    }

    /// The country's name for a code, or the code when the countries table has no name for it.
    public func countryName(_ code: String) -> String { countryNames[code] ?? code }
}

extension MetricsEngine {
    /// Reads the organization row and the country names (a few hundred rows).
    public func profile() throws -> OrganizationProfile {
        try queue.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT name, short_name FROM organization ORDER BY id LIMIT 1")
            let name: String? = row?["name"]
            let short: String? = row?["short_name"]
            var countries: [String: String] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT code, name FROM countries") { countries[r["code"]] = r["name"] }
            return OrganizationProfile(name: name, shortName: (short?.isEmpty ?? true) ? name : short, countryNames: countries)
        }
    }
}
