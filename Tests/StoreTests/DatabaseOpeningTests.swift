import Foundation
import GRDB
import Testing
@testable import Store

@Suite("Opening databases")
struct DatabaseOpeningTests {
    @Test func initCreatesTheSchemaAndIsIdempotent() throws {
        let s = Scratch(); defer { s.cleanup() }
        let p = s.path("new.db")
        #expect(try AlmanacDatabase.initialize(p) == .created)
        #expect(try AlmanacDatabase.initialize(p) == .alreadyCurrent(version: Schema.currentVersion))
        let q = try AlmanacDatabase.openForReading(p)
        try q.read { db in
            for table in Schema.tableOrder { #expect(try db.tableExists(table), "missing \(table)") }
            #expect(try Int32.fetchOne(db, sql: "PRAGMA application_id") == Schema.applicationID)
            let memberIndexes = try db.indexes(on: "members"), activityIndexes = try db.indexes(on: "activities")
            #expect(memberIndexes.contains { $0.columns.first == "joined_on" })
            #expect(activityIndexes.contains { $0.columns == ["held_on"] })
        }
    }

    @Test func schemaEnforcesTheDataContract() throws {
        let s = Scratch(); defer { s.cleanup() }
        let (_, q) = try s.database()
        func fails(_ sql: String) -> Bool { (try? q.write { try $0.execute(sql: sql) }) == nil }
        #expect(fails("INSERT INTO members (name, joined_on) VALUES ('A', '2023-02-30')"), "invalid date")
        #expect(fails("INSERT INTO members (name, joined_on, left_on) VALUES ('A', '2023-02-01', '2023-01-01')"), "left before joined")
        #expect(fails("INSERT INTO members (name, joined_on, country_code) VALUES ('A', '2023-02-01', 'ZZ')"), "foreign key")
        #expect(fails("INSERT INTO activities (title, held_on, participants) VALUES ('x', '2023-01-01', -1)"), "negative participants")
        #expect(fails("INSERT INTO working_groups (name, kind, established_on) VALUES ('x', 'social', '2023-01-01')"), "kind")
        #expect(fails("INSERT INTO organization (id, name) VALUES (2, 'Second')"), "one organization")
        #expect(!fails("INSERT INTO members (name, joined_on, left_on) VALUES ('A', '2023-01-01', '2023-01-01')"))
    }

    @Test func missingFileNamesTheCommandThatCreatesOne() throws {
        let s = Scratch(); defer { s.cleanup() }
        let p = s.path("absent.db")
        #expect(throws: StoreError("\(p): no such database; create one with `almanac init \(p)` or `almanac sample \(p)`")) {
            try AlmanacDatabase.openForReading(p)
        }
        #expect(!FileManager.default.fileExists(atPath: p), "reading must not create the file")
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndUnchanged() throws {
        let s = Scratch(); defer { s.cleanup() }
        let p = s.write("notes.db", "just some text, not a database\n")
        let before = bytes(p)
        let error = #expect(throws: StoreError.self) { try AlmanacDatabase.openForReading(p) }
        #expect(error?.description.contains("not a SQLite database") == true)
        #expect(throws: StoreError.self) { try AlmanacDatabase.initialize(p) }
        #expect(bytes(p) == before)
    }

    @Test func anotherApplicationsSQLiteFileIsRefusedAndUnchanged() throws {
        let s = Scratch(); defer { s.cleanup() }
        let p = s.path("other.db")
        try DatabaseQueue(path: p).write { try $0.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)") }
        let before = bytes(p)
        for open in [AlmanacDatabase.openForReading, AlmanacDatabase.openForWriting] {
            let error = #expect(throws: StoreError.self) { try open(p) }
            #expect(error?.description.contains("not an Almanac database") == true)
        }
        #expect(throws: StoreError.self) { try AlmanacDatabase.initialize(p) }
        #expect(bytes(p) == before)
    }

    @Test func aNewerSchemaIsRefusedWithoutMigrating() throws {
        let s = Scratch(); defer { s.cleanup() }
        let p = s.path("future.db")
        try AlmanacDatabase.initialize(p)
        try DatabaseQueue(path: p).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')") }
        let before = bytes(p)
        let error = #expect(throws: StoreError.self) { try AlmanacDatabase.openForReading(p) }
        #expect(error?.description.contains("newer Almanac") == true)
        #expect(throws: StoreError.self) { try AlmanacDatabase.initialize(p) }
        #expect(bytes(p) == before)
    }

    @Test func readingNeverChangesTheFile() throws {
        let s = Scratch(); defer { s.cleanup() }
        let (p, q) = try s.database()
        try q.close()
        let before = bytes(p)
        let r = try AlmanacDatabase.openForReading(p)
        _ = try r.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM countries") }
        #expect(throws: (any Error).self) { try r.write { try $0.execute(sql: "DELETE FROM countries") } }
        try r.close()
        #expect(bytes(p) == before)
    }
}
