import GRDB

/// members.by_country, .by_region, .by_sector and countries.count: members active at the end
/// of each period, grouped. One pass over members_sector_country(sector, country_code,
/// joined_on, left_on) counts both periods per (sector, country) — in index order, so no
/// temporary B-tree, and a FILTER per period so a row steps only the counts it belongs to;
/// Swift folds those few hundred rows into the three groupings.
enum DistributionMetrics {
    static let sql = """
        SELECT sector, country_code,
               count(*) FILTER (WHERE \(ActiveMembers.condition(on: ":e"))),
               count(*) FILTER (WHERE \(ActiveMembers.condition(on: ":pe")))
        FROM members WHERE joined_on <= :e GROUP BY sector, country_code
        """

    static func compute(_ db: Database, _ window: Window, into builder: inout MetricsBuilder) throws {
        let rows = try Row.fetchAll(db, sql: sql, arguments: window.arguments)
        let regionOf = try Dictionary(
            Row.fetchAll(db, sql: "SELECT c.code, r.name FROM countries c JOIN regions r ON r.id = c.region_id")
                .map { ($0[0] as String, $0[1] as String) },
            uniquingKeysWith: { a, _ in a })

        var countries = GroupCounts(), regions = GroupCounts(), sectors = GroupCounts()
        for name in try String.fetchAll(db, sql: "SELECT name FROM regions") {
            regions.add(name, current: 0, previous: 0, alwaysListed: true)
        }
        for row in rows {
            let sector: String? = row[0], code: String? = row[1]
            let current: Double = row[2], previous: Double = row[3]
            sectors.add(sector, current: current, previous: previous)
            countries.add(code, current: current, previous: previous)
            // Members with no country, or a code missing from countries, have no region.
            regions.add(code.flatMap { regionOf[$0] }, current: current, previous: previous)
        }

        builder.grouped("members.by_region", regions.rows())
        builder.grouped("members.by_country", countries.rows())
        builder.grouped("members.by_sector", sectors.rows())
        let represented = countries.distinctKeys
        builder.scalar("countries.count", represented.current, previous: represented.previous)
    }
}
