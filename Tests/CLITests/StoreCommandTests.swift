import Foundation
import TestSupport
import Testing

/// The store commands end to end: exit codes, stdout for results, stderr for one-line errors.
@Suite("almanac init / import / check / sample")
struct StoreCommandTests {
    @Test func everyCommandsHelpHasAnExample() throws {
        for command in ["init", "import", "check", "sample", "metrics", "build", "lint", "specimen", "gallery"] {
            let r = try CLI.run([command, "--help"])
            #expect(r.status == 0)
            // An example is an indented command line under "Example", not the usage line.
            let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            guard let heading = lines.firstIndex(where: { $0.hasPrefix("Example") }) else {
                Issue.record("\(command) --help has no Example section")
                continue
            }
            #expect(lines[(heading + 1)...].contains { $0.hasPrefix("  almanac \(command) ") }, "\(command) --help has no example command")
        }
    }

    @Test func sampleThenCheckIsClean() throws {
        let t = TempDir(); defer { t.remove() }
        let s = try CLI.run(["sample", t.file("s.db"), "--members", "200", "--csv", t.file("csv")])
        #expect(s.status == 0, "\(s.stderr)")
        #expect(s.stdout.contains("wrote \(t.file("s.db"))"))
        #expect(s.stderr.isEmpty, "no progress output when stderr is not a terminal")
        let c = try CLI.run(["check", t.file("s.db"), "--today", "2025-01-01"])
        #expect(c.status == 0)
        #expect(c.stdout.contains("clean"))
        let again = try CLI.run(["sample", t.file("s.db")])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists; pass --force"))
    }

    @Test func initImportAndCheckReportProblemsWithExitCodes() throws {
        let t = TempDir(); defer { t.remove() }
        let db = t.file("org.db")
        #expect(try CLI.run(["init", db, "--regions", "none"]).status == 0)
        t.write("regions.csv", "id,name\n1,Africa\n")
        t.write("countries.csv", "code,name,region_id\nKE,Kenya,1\n")
        t.write("members.csv", "Member ID,First Name,Last Name,Email,Country,Join Date,Notes\n1,Wanjiru,Kamau,w@x.org,Kenya,05/03/2022,hi\n2,Peter,Otieno,w@x.org,KE,06/03/2022,\n")
        #expect(try CLI.run(["import", db, "regions", t.file("regions.csv")]).status == 0)
        #expect(try CLI.run(["import", db, "countries", t.file("countries.csv")]).status == 0)
        let m = try CLI.run(["import", db, "members", t.file("members.csv"), "--map", "Member ID=id", "--map", "Country=country_code",
                             "--map", "Join Date=joined_on", "--date-format", "DD/MM/YYYY"])
        #expect(m.status == 0, "\(m.stderr)")
        #expect(m.stdout == "members: 2 added, 0 updated, 0 unchanged, 0 skipped\n")
        #expect(m.stderr.contains("ignored columns not in members: Notes"))
        let c = try CLI.run(["check", db, "--today", "2025-01-01"])
        #expect(c.status == 1, "duplicate emails are an error")
        #expect(c.stdout.contains("error: 1 email address shared by several members"))
        #expect(c.stdout.contains("w@x.org: members 1, 2"))
    }

    @Test func badInputsGiveOneLineErrorsAndLeaveTheDatabaseUnchanged() throws {
        let t = TempDir(); defer { t.remove() }
        let db = t.file("org.db")
        #expect(try CLI.run(["init", db, "--regions", "none"]).status == 0)
        t.write("bad.csv", "id,name\n1,Africa\n1,Asia\n")
        t.write("notsqlite.db", "hello")
        let before = t.bytes("org.db")
        let cases: [([String], String)] = [
            (["import", db, "regions", t.file("missing.csv")], "\(t.file("missing.csv")): no such file"),
            (["import", db, "regions", t.file("bad.csv")], "\(t.file("bad.csv")):3: id: duplicate key (id 1)"),
            (["import", db, "region", t.file("bad.csv")], "unknown table 'region' (did you mean regions?)"),
            (["import", t.file("notsqlite.db"), "regions", t.file("bad.csv")], "\(t.file("notsqlite.db")): not a SQLite database"),
            (["check", t.file("nope.db")], "\(t.file("nope.db")): no such database; create one with `almanac init"),
        ]
        for (args, expected) in cases {
            let r = try CLI.run(args)
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr.hasPrefix(expected), "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        #expect(t.bytes("org.db") == before)
        #expect(t.bytes("notsqlite.db") == FileBytes("hello"))
        let usage = try CLI.run(["import", db, "regions", t.file("bad.csv"), "--date-format", "YY/MM"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--date-format 'YY/MM' is not dmy, mdy, ymd"))
    }
}
