import Base
import Foundation
import GRDB

/// Turns a column's text into a database value for one table: types, dates (`DateFormat`),
/// countries (`CountryMatcher`), members named by id, CRM id or e-mail, references, and
/// activity kinds stored in one canonical (lower-case) spelling.
final class ValueResolver {
    enum Resolved { case success(DatabaseValue), failure(String), unknownMember }

    let db: Database
    let dateFormat: DateFormat
    let table: String
    private var matcher: CountryMatcher?
    private var knownCountries: Set<String> = []
    private var referenceStatements: [String: Statement] = [:]
    private var memberStatements: [String: Statement] = [:]
    private var knownReferences: [String: DatabaseValue] = [:]
    /// Exports repeat a few hundred country spellings: each is matched once.
    private var countryCache: [String: Resolved] = [:]

    init(db: Database, table: String, columns: TableColumns, dateFormat: DateFormat, countryAliases: [String: String]) throws {
        self.db = db
        self.table = table
        self.dateFormat = dateFormat
        if columns.all.contains(where: { $0.reference?.table == "countries" }) {
            // Only text rows: a country edited into a BLOB or NULL must not trap the import
            // (`almanac check` lists it).
            let rows = try Row.fetchAll(db, sql: "SELECT code, name FROM countries WHERE typeof(code) = 'text' AND typeof(name) = 'text'")
                .map { (code: $0["code"] as String, name: $0["name"] as String) }
            knownCountries = Set(rows.map(\.code))
            matcher = CountryMatcher(known: rows, aliases: countryAliases)
        }
        for column in columns.all {
            if let ref = column.reference {
                referenceStatements[column.name] = try db.makeStatement(sql: "SELECT 1 FROM \(ref.table) WHERE \(ref.column) = ? LIMIT 1")
            }
        }
        if columns.all.contains(where: { $0.reference?.table == "members" }) {
            memberStatements["external_id"] = try db.makeStatement(sql: "SELECT id FROM members WHERE external_id = ?")
            memberStatements["email"] = try db.makeStatement(sql: "SELECT id FROM members WHERE lower(email) = lower(?) LIMIT 2")
        }
    }

    func resolve(_ raw: String, target: ColumnPlan.Target) -> Resolved {
        let column = target.column
        if raw.isEmpty {
            if column.notNull && !column.isRowID { return .failure("a value is required") }
            return .success(.null)
        }
        if let by = target.memberBy, by != "id" { return member(raw, by: by) }
        let value: DatabaseValue
        if column.reference?.table == "countries", let matcher {
            if let known = countryCache[raw] { return known }
            let resolved = country(raw, matcher)
            countryCache[raw] = resolved
            return resolved
        } else if column.isDate {
            guard let date = dateFormat.parse(raw) else { return .failure(dateFormat.problem(raw)) }
            value = date.iso.databaseValue
        } else if column.type == "INTEGER" {
            guard let n = Int64(raw) else { return .failure("'\(raw)' is not a whole number") }
            value = n.databaseValue
        } else if column.type == "REAL" {
            guard let x = Double(raw), x.isFinite else { return .failure("'\(raw)' is not a number") }
            value = x.databaseValue
        } else if table == "activities", column.name == "kind" {
            // One kind whatever its case: `Webinar` from a CRM is `webinar` (README, "Activity kinds").
            value = raw.lowercased().databaseValue
        } else {
            value = raw.databaseValue
        }
        if let ref = column.reference, let statement = referenceStatements[column.name] {
            let key = "\(column.name)\u{1}\(value)"
            if knownReferences[key] == nil {
                let found = (try? Bool.fetchOne(statement, arguments: [value])) ?? nil
                guard found == true else {
                    if ref.table == "members", target.memberBy != nil { return .unknownMember }
                    return .failure("\(raw) is not in \(ref.table).\(ref.column); import \(ref.table) first or fix the reference")
                }
                knownReferences[key] = value
            }
        }
        return .success(value)
    }

    /// The ISO code `raw` names, if the countries table has it.
    private func country(_ raw: String, _ matcher: CountryMatcher) -> Resolved {
        guard let code = matcher.code(for: raw) else {
            let hint = matcher.suggestion(for: raw).map { " (did you mean \($0.spelling), \($0.code)?)" } ?? ""
            return .failure("unknown country '\(raw)'\(hint); add an alias with --country-alias \"\(raw)=CODE\" or in a mapping file")
        }
        guard knownCountries.contains(code) else {
            return .failure("country '\(raw)' (\(code)) is not in the countries table; import it with `almanac import DB countries FILE` or re-create the database with `almanac init`")
        }
        return .success(code.databaseValue)
    }

    /// The members.id of the member whose `by` column (external_id or email) is `raw`.
    private func member(_ raw: String, by: String) -> Resolved {
        let key = "member\u{1}\(by)\u{1}\(raw)"
        if let id = knownReferences[key] { return .success(id) }
        guard let statement = memberStatements[by], let ids = try? Int64.fetchAll(statement, arguments: [raw]) else { return .unknownMember }
        guard let id = ids.first else { return .unknownMember }
        if ids.count > 1 { return .failure("e-mail \(raw) belongs to several members; name the member by id or external_id") }
        knownReferences[key] = id.databaseValue
        return .success(id.databaseValue)
    }

    /// Rules across columns, checked before SQLite's CHECK constraints so the message is clear.
    func rowProblem(values: [DatabaseValue], names: [String]) -> String? {
        func text(_ name: String) -> String? { names.firstIndex(of: name).flatMap { String.fromDatabaseValue(values[$0]) } }
        func int(_ name: String) -> Int64? { names.firstIndex(of: name).flatMap { Int64.fromDatabaseValue(values[$0]) } }
        for (start, end) in [("joined_on", "left_on"), ("starts_on", "ends_on")] {
            if let s = text(start), let e = text(end), e < s { return "\(end): \(e) is before \(start) \(s)" }
        }
        for name in ["participants", "amount_cents"] {
            if let n = int(name), n < 0 { return "\(name): \(n) is negative; use 0 or leave it empty when unknown" }
        }
        if table == "working_groups", let kind = text("kind"), !["regional", "thematic"].contains(kind) {
            return "kind: '\(kind)' must be regional or thematic"
        }
        if table == "countries", let code = text("code"), code.count != 2 || code != code.uppercased() {
            return "code: '\(code)' is not an ISO 3166-1 alpha-2 code (two capital letters)"
        }
        return nil
    }
}
