import Foundation
import Testing

/// `almanac metrics` end to end: formats, and every bad argument rejected with usage help.
@Suite("almanac metrics")
struct MetricsCommandTests {
    static let database: String = {
        let path = NSTemporaryDirectory() + "almanac-metrics-cli-\(getpid()).db"
        if !FileManager.default.fileExists(atPath: path) { _ = try? CLI.run(["sample", path, "--members", "200"]) }
        return path
    }()

    @Test func formatsForPeopleProgramsAndSpreadsheets() throws {
        let table = try CLI.run(["metrics", Self.database, "--year", "2023"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("members.end"))
        let json = try CLI.run(["metrics", Self.database, "--year", "2023", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["period"] as? [String: String]) == ["start": "2023-01-01", "end": "2023-12-31"])
        #expect((object?["previous_period"] as? [String: String]) == ["start": "2022-01-01", "end": "2022-12-31"])
        let csv = try CLI.run(["metrics", Self.database, "--from", "2022-07-01", "--to", "2023-06-30", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("metric,key,value,previous,change,change_pct,share\n"))
        let list = try CLI.run(["metrics", "--list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("engagement.rate"))
    }

    @Test(arguments: [
        (["--year", "abc"], "abc"),
        (["--from", "2023-06-30", "--to", "2022-07-01"], "--from 2023-06-30 is after --to 2022-07-01"),
        (["--year", "2023", "--from", "2023-01-01", "--to", "2023-02-01"], "--year cannot be combined with --from/--to"),
        (["--from", "2023-01-01"], "--from and --to go together"),
        (["--from", "2023-02-30", "--to", "2023-03-01"], "--from '2023-02-30' is not a YYYY-MM-DD date"),
        (["--format", "xml"], "xml"),
    ])
    func badArgumentsAreUsageErrors(args: [String], message: String) throws {
        let r = try CLI.run(["metrics", Self.database] + args)
        #expect(r.status == 64, "\(args): \(r.status) \(r.stderr)")
        #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        #expect(r.stderr.contains("Usage:"), "usage help is shown")
        #expect(r.stdout.isEmpty)
    }

    @Test func aDatabaseMissingATableNamesItAndTheFix() throws {
        let t = TempDir(); defer { t.remove() }
        let db = t.file("old.db")
        #expect(try CLI.run(["init", db]).status == 0)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [db, "DROP TABLE targets"]
        try sqlite.run()
        sqlite.waitUntilExit()
        let r = try CLI.run(["metrics", db, "--year", "2023"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("targets"), "\(r.stderr)")
        #expect(r.stderr.contains("almanac init"), "\(r.stderr)")
    }
}
