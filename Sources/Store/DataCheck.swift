import Base
import Dispatch
import GRDB

/// A data-quality report (`almanac check`): each problem counted, with its first rows.
public struct DataCheckReport: Sendable {
    public enum Severity: String, Sendable { case error, warning }

    /// One kind of problem and where it occurs.
    public struct Finding: Sendable {
        public let id: String
        public let severity: Severity
        public let title: String
        public let count: Int
        /// The first few offending rows, described for a person ("members id 12: …").
        public let examples: [String]
    }

    public let findings: [Finding]
    public var errors: Int { findings.filter { $0.severity == .error }.reduce(0) { $0 + $1.count } }
    public var warnings: Int { findings.filter { $0.severity == .warning }.reduce(0) { $0 + $1.count } }
    public var isClean: Bool { errors == 0 }
}

/// Runs every data-quality rule as one SQL query each (never loading tables into Swift).
public enum DataCheck {
    struct Rule {
        let id: String
        let severity: DataCheckReport.Severity
        /// What is counted, singular ("member"), and the rest of the title.
        let noun: String
        let title: String
        /// Selects one `detail` text column per offending row.
        let sql: String
    }

    /// `today` decides what counts as "in the future" (a parameter so checks are reproducible).
    static func rules(today: String) -> [Rule] {
        [
            Rule(id: "left-before-joined", severity: .error, noun: "member", title: "who left before they joined (left_on < joined_on)",
                 sql: "SELECT 'members id ' || id || ' (' || name || '): left_on ' || left_on || ' < joined_on ' || joined_on FROM members WHERE left_on < joined_on ORDER BY id"),
            Rule(id: "unknown-country", severity: .error, noun: "member", title: "with a country code missing from countries",
                 sql: "SELECT 'members id ' || m.id || ' (' || m.name || '): country_code ' || m.country_code FROM members m LEFT JOIN countries c ON c.code = m.country_code WHERE m.country_code IS NOT NULL AND c.code IS NULL ORDER BY m.id"),
            Rule(id: "no-country", severity: .warning, noun: "member", title: "with no country (counted under \"no region\" in reports)",
                 sql: "SELECT 'members id ' || id || ' (' || name || ')' FROM members WHERE country_code IS NULL OR country_code = '' ORDER BY id"),
            Rule(id: "future-dates", severity: .error, noun: "date", title: "in the future (after \(today))",
                 sql: """
                 SELECT detail FROM (
                   SELECT 1 AS t, id AS k, 'members id ' || id || ': joined_on ' || joined_on AS detail FROM members WHERE joined_on > :today
                   UNION ALL SELECT 2, id, 'members id ' || id || ': left_on ' || left_on FROM members WHERE left_on > :today
                   UNION ALL SELECT 3, id, 'working_groups id ' || id || ': established_on ' || established_on FROM working_groups WHERE established_on > :today
                   UNION ALL SELECT 5, member_id, 'working_group_members (' || working_group_id || ', ' || member_id || '): joined_on ' || joined_on FROM working_group_members WHERE joined_on > :today
                 ) ORDER BY t, k
                 """),
            Rule(id: "planned-activities", severity: .warning, noun: "activity", title: "scheduled after \(today) (planned; counted once they are held)",
                 sql: "SELECT 'activities id ' || id || ' (' || title || '): held_on ' || held_on FROM activities WHERE held_on > :today ORDER BY held_on, id"),
            Rule(id: "duplicate-email", severity: .error, noun: "email address", title: "shared by several members",
                 sql: "SELECT lower(email) || ': members ' || group_concat(id, ', ') FROM members WHERE email IS NOT NULL AND email <> '' GROUP BY lower(email) HAVING count(*) > 1 ORDER BY lower(email)"),
            Rule(id: "group-membership-lifetime", severity: .error, noun: "working-group membership", title: "outside the member's or the group's lifetime",
                 sql: """
                 SELECT 'working_group_members (' || g.id || ', ' || m.id || '): ' || m.name || ' in ' || g.name || ' from ' || w.joined_on ||
                   CASE WHEN w.joined_on < m.joined_on THEN ', before joining the network (' || m.joined_on || ')'
                        WHEN w.joined_on < g.established_on THEN ', before the group was established (' || g.established_on || ')'
                        ELSE ', after leaving the network (' || m.left_on || ')' END
                 FROM working_group_members w
                 JOIN members m ON m.id = w.member_id JOIN working_groups g ON g.id = w.working_group_id
                 WHERE w.joined_on < m.joined_on OR w.joined_on < g.established_on
                    OR (m.left_on IS NOT NULL AND (w.left_on IS NULL OR w.left_on > m.left_on))
                 ORDER BY g.id, m.id
                 """),
            Rule(id: "activity-without-kind", severity: .warning, noun: "activity", title: "with no kind (not counted in any kind)",
                 sql: "SELECT 'activities id ' || id || ' (' || title || ', ' || held_on || ')' FROM activities WHERE kind IS NULL OR trim(kind) = '' ORDER BY id"),
            Rule(id: "negative-participants", severity: .error, noun: "activity", title: "with a negative participant count",
                 sql: "SELECT 'activities id ' || id || ' (' || title || '): participants ' || participants FROM activities WHERE participants < 0 ORDER BY id"),
            Rule(id: "attendance-by-non-member", severity: .warning, noun: "attendance record", title: "by people who were not members that day (open events are normal)",
                 sql: """
                 SELECT 'attendance (' || a.activity_id || ', ' || a.member_id || '): ' || m.name || ' at ' || act.title || ' on ' || act.held_on ||
                   CASE WHEN act.held_on < m.joined_on THEN ', before joining (' || m.joined_on || ')' ELSE ', after leaving (' || m.left_on || ')' END
                 FROM attendance a JOIN activities act ON act.id = a.activity_id JOIN members m ON m.id = a.member_id
                 WHERE act.held_on < m.joined_on OR (m.left_on IS NOT NULL AND act.held_on >= m.left_on)
                 ORDER BY a.activity_id, a.member_id
                 """),
        ]
    }

    /// Checks `db`, listing up to `examples` rows per problem. `metricProblem` says what is
    /// wrong with a target's metric name (nil: a known metric); Store does not know the
    /// catalogue, the caller does. `timeLimit` (seconds) stops a check that would run too long
    /// (a slow view standing in for a table) with an error naming the rule.
    public static func run(_ queue: DatabaseQueue, today: CalendarDate, examples: Int = 5,
                           metricProblem: ((String) -> String?)? = nil, timeLimit: Double? = nil) throws -> DataCheckReport {
        let timer = timeLimit.map { limit in
            let item = DispatchWorkItem { queue.interrupt() }
            DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: item)
            return item
        }
        defer { timer?.cancel() }
        var current = "opening"
        do {
            return try queue.read { db in
                var findings: [DataCheckReport.Finding] = []
                for rule in try rules(today: today.iso) + handEditedRules(db) {
                    current = "\(EnglishNoun.plural(rule.noun)) \(rule.title)"
                    let args: StatementArguments = rule.sql.contains(":today") ? ["today": today.iso] : []
                    let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(rule.sql))", arguments: args) ?? 0
                    guard count > 0 else { continue }
                    let rows = try DatabaseValue.fetchAll(db, sql: "\(rule.sql) LIMIT \(examples)", arguments: args).map(describe)
                    let noun = count == 1 ? rule.noun : EnglishNoun.plural(rule.noun)
                    findings.append(.init(id: rule.id, severity: rule.severity, title: "\(noun) \(rule.title)", count: count, examples: rows))
                }
                current = "targets naming unknown metrics"
                if let metricProblem, let finding = try unknownMetrics(db, metricProblem, examples: examples) { findings.append(finding) }
                return DataCheckReport(findings: findings)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT && timeLimit != nil {
            throw StoreError("check stopped after \(NumberText.grouped(timeLimit!, decimals: timeLimit! < 1 ? 1 : 0)) s while looking for \(current); give more time with --time-limit SECONDS")
        }
    }

    /// A detail as text whatever SQL made of it: a NULL (a NULL name in the concatenation)
    /// or a BLOB never traps.
    static func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "(a row with unreadable values; see the unreadable values above)"
        case .int64(let n): return String(n)
        case .double(let x): return String(x)
        case .string(let s): return s
        case .blob(let d): return String(decoding: d, as: UTF8.self)
        }
    }
}
