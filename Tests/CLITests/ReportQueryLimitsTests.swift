import Foundation
import Testing

/// Report queries cannot read other files, nor hand the typesetter unbounded values.
@Suite("Report query limits")
struct ReportQueryLimitsTests {
    @Test(arguments: [
        ("ATTACH DATABASE 'other.db' AS other", "ATTACH is not allowed in report queries"),
        ("SELECT length(zeroblob(1000000000)) AS n", "a value would pass 1 MB"),
        ("SELECT hex(randomblob(600000)) AS big", "a value would pass 1 MB"),
        ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 40) SELECT x, substr(hex(zeroblob(400000)), 1, 800000) AS v FROM c", "a report query returns at most 16 MB"),
    ])
    func hostileQueriesAreRefused(_ sql: String, _ message: String) throws {
        let t = TempDir(); defer { t.remove() }
        try FileManager.default.copyItem(atPath: HandEdits.sample, toPath: t.file("other.db"))
        let report = t.write("q.md", "---\ntitle: T\nqueries:\n  q: \"\(sql)\"\n---\n# Hi\n\n```table\ndata: q\n```\n")
        let r = try CLI.run(["lint", report, "--db", HandEdits.sample], cwd: t.path)
        #expect(r.status == 1)
        #expect(r.stderr.contains("q.md:4:6: query q"), "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test func tooManyColumnsAreRefused() throws {
        let t = TempDir(); defer { t.remove() }
        let columns = (1...80).map { "\($0) AS c\($0)" }.joined(separator: ", ")
        let report = t.write("q.md", "---\ntitle: T\nqueries:\n  q: \"SELECT \(columns)\"\n---\n# Hi\n\n```table\ndata: q\n```\n")
        let r = try CLI.run(["lint", report, "--db", HandEdits.sample])
        #expect(r.status == 1)
        #expect(r.stderr.contains("the query returns 80 columns; a table holds at most 64"), "\(r.stderr)")
    }
}
