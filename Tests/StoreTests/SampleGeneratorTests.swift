import Base
import Foundation
import TestSupport
import GRDB
import Testing
@testable import Store

@Suite("Sample data")
struct SampleGeneratorTests {
    static func active(_ db: Database, on day: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM members WHERE joined_on <= ?1 AND (left_on IS NULL OR left_on > ?1)", arguments: [day])!
    }

    func sample(_ s: Scratch, members: Int = SampleGenerator.defaultMembers, seed: UInt64 = SampleGenerator.defaultSeed, name: String = "sample.db") throws -> String {
        let p = s.path(name)
        try DatabaseFiles.createAtomically(p, replace: false) { try SampleGenerator(members: members, seed: seed).write(into: $0) }
        return p
    }

    @Test func defaultSampleMatchesTheOrganizationInTheBrief() throws {
        let s = Scratch(); defer { s.cleanup() }
        let q = try AlmanacDatabase.openForReading(try sample(s))
        try q.read { db in
            let end2022 = try Self.active(db, on: "2022-12-31"), end2023 = try Self.active(db, on: "2023-12-31")
            #expect((1_050...1_090).contains(end2022), "end of 2022: \(end2022)")
            #expect((1_610...1_690).contains(end2023), "end of 2023: \(end2023)")
            let growth = Double(end2023 - end2022) / Double(end2022)
            #expect(growth > 0.50 && growth < 0.60, "growth \(growth)")
            #expect(try String.fetchOne(db, sql: "SELECT min(joined_on) FROM members")!.hasPrefix("2021-06"))
            let lapsed2023 = try Int.fetchOne(db, sql: "SELECT count(*) FROM members WHERE left_on BETWEEN '2023-01-01' AND '2023-12-31'")!
            #expect(Double(lapsed2023) / Double(end2022) > 0.01 && Double(lapsed2023) / Double(end2022) < 0.08, "a few percent leave")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM regions") == 6)
            let countries = try Int.fetchOne(db, sql: "SELECT count(DISTINCT country_code) FROM members")!
            #expect((80...100).contains(countries))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM working_groups WHERE established_on LIKE '2023-%'") == 7)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM working_groups WHERE kind = 'regional'") == 4)
            #expect(try Set(String.fetchAll(db, sql: "SELECT DISTINCT sector FROM members")).count == 6)
            // Names in every script the brief lists.
            let names = try String.fetchAll(db, sql: "SELECT name FROM members")
            for (script, range) in [("Arabic", 0x0600...0x06FF), ("Devanagari", 0x0900...0x097F), ("Thai", 0x0E00...0x0E7F), ("Chinese", 0x4E00...0x9FFF)] {
                #expect(names.contains { $0.unicodeScalars.contains { range.contains(Int($0.value)) } }, "no \(script) names")
            }
            let kinds = try Set(String.fetchAll(db, sql: "SELECT DISTINCT kind FROM activities"))
            #expect(kinds == ["webinar", "newsletter", "online course", "knowledge product", "dataset", "convening", "technical support"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM activities WHERE kind = 'webinar' AND held_on LIKE '2021-%'") == 6)
            #expect(try Set(String.fetchAll(db, sql: """
                SELECT DISTINCT p.name FROM activity_partners ap JOIN partners p ON p.id = ap.partner_id
                JOIN activities a ON a.id = ap.activity_id WHERE a.held_on LIKE '2021-%'
                """)) == ["World Bank", "UNDP", "UNCDF", "DeLoG"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM activities WHERE title = 'Open planning meeting' AND held_on LIKE '2022-06-%'") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM grants") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM targets WHERE starts_on = '2023-01-01'")! >= 3)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM attendance")! > 1_000)
        }
        #expect(try DataCheck.run(q, today: CalendarDate(year: 2026, month: 1, day: 1)!).findings.isEmpty)
    }

    @Test func sameSeedSameDataOtherSeedOtherData() throws {
        let s = Scratch(); defer { s.cleanup() }
        let a = try sample(s, members: 300, seed: 1, name: "a.db"), b = try sample(s, members: 300, seed: 1, name: "b.db")
        let c = try sample(s, members: 300, seed: 2, name: "c.db")
        func dump(_ p: String) throws -> [String] {
            try AlmanacDatabase.openForReading(p).read { db in
                try Schema.tableOrder.flatMap { t in try Row.fetchAll(db, sql: "SELECT * FROM \(t)").map { "\(t) \($0)" } }
            }
        }
        #expect(try dump(a) == dump(b))
        #expect(try dump(a) != dump(c))
    }

    @Test func sizeScalesTheMembership() throws {
        let s = Scratch(); defer { s.cleanup() }
        let q = try AlmanacDatabase.openForReading(try sample(s, members: 10_000, seed: 5))
        try q.read { db in
            let end = try Self.active(db, on: "2023-12-31")
            #expect(abs(end - 10_000) < 300, "\(end)")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM working_groups") == 7, "the structure does not scale")
        }
        #expect(try DataCheck.run(q, today: CalendarDate(year: 2026, month: 1, day: 1)!).isClean)
    }

    @Test func existingFileIsNotReplacedWithoutForce() throws {
        let s = Scratch(); defer { s.cleanup() }
        let p = s.write("mine.db", "precious")
        #expect(throws: StoreError("\(p): already exists; pass --force to replace it, or choose another file name")) {
            try DatabaseFiles.createAtomically(p, replace: false) { try SampleGenerator(members: 10).write(into: $0) }
        }
        #expect(bytes(p) == FileBytes("precious"))
    }

    @Test func forceReplacesAnExistingDatabase() throws {
        let s = Scratch(); defer { s.cleanup() }
        let p = try sample(s, members: 50, seed: 1)
        try DatabaseFiles.createAtomically(p, replace: true) { try SampleGenerator(members: 80, seed: 2).write(into: $0) }
        let members = try AlmanacDatabase.openForReading(p).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM members") }
        #expect(members == Int((80 / SampleGenerator.activeShareAtEnd).rounded()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.dir) == ["sample.db"], "no temporary file left")
    }

    @Test func aFailedReplaceKeepsThePreviousDatabase() throws {
        let s = Scratch(); defer { s.cleanup() }
        let p = try sample(s, members: 50, seed: 1)
        let before = bytes(p)
        struct Boom: Error {}
        #expect(throws: Boom.self) { try DatabaseFiles.createAtomically(p, replace: true) { _ in throw Boom() } }
        #expect(bytes(p) == before)
    }

    @Test func aFailedBuildLeavesNoFileBehind() throws {
        let s = Scratch(); defer { s.cleanup() }
        let p = s.path("half.db")
        struct Boom: Error {}
        #expect(throws: Boom.self) { try DatabaseFiles.createAtomically(p, replace: false) { _ in throw Boom() } }
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.dir).isEmpty)
    }

    @Test func csvRoundTripGivesTheSameRowsAndACleanCheck() throws {
        let s = Scratch(); defer { s.cleanup() }
        let original = try AlmanacDatabase.openForReading(try sample(s, members: 400, seed: 9))
        let files = try CSVExport.writeAll(original, to: s.path("csv"))
        #expect(files.map { ($0 as NSString).lastPathComponent } == Schema.tableOrder.map { "\($0).csv" })
        let copy = s.path("copy.db")
        try AlmanacDatabase.initialize(copy, regions: .none)
        let target = try AlmanacDatabase.openForWriting(copy)
        for (table, file) in zip(Schema.tableOrder, files) {
            _ = try CSVImporter(database: target).importFile(file, into: table)
        }
        for table in Schema.tableOrder {
            let a = try original.read { try Row.fetchAll($0, sql: "SELECT * FROM \(table) ORDER BY 1, 2") }
            let b = try target.read { try Row.fetchAll($0, sql: "SELECT * FROM \(table) ORDER BY 1, 2") }
            #expect(a == b, "\(table) differs after the round trip")
        }
        #expect(try DataCheck.run(target, today: CalendarDate(year: 2026, month: 1, day: 1)!).findings.isEmpty)
    }
}
