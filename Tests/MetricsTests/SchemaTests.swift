import Foundation
import TestSupport
import Testing
@testable import Metrics
import Store

@Suite struct SchemaTests {
    @Test func aMissingTableIsNamedWithTheCommandThatCreatesIt() throws {
        let f = try Fixture(edgeMembersSQL)
        defer { f.cleanup() }
        try f.execute("DROP TABLE attendance")
        let error = try #require(throws: MetricsError.self) { try f.engine() }
        #expect(error.description == "\(f.path): table attendance is missing; `almanac init` creates it: make a new database with `almanac init NEW.db` and import your data into it")
    }

    @Test func aMissingColumnIsNamed() throws {
        let f = try Fixture(edgeMembersSQL)
        defer { f.cleanup() }
        try f.execute("ALTER TABLE members RENAME COLUMN sector TO industry")
        let error = try #require(throws: MetricsError.self) { try f.engine() }
        #expect(error.description.hasPrefix("\(f.path): table members has no column sector; `almanac init` creates it"))
    }

    @Test func computingMetricsLeavesTheFileUntouched() throws {
        let f = try Fixture(activitySQL)
        defer { f.cleanup() }
        let before = FileBytes(path: f.path)
        let attributes = try FileManager.default.attributesOfItem(atPath: f.path)
        _ = try f.metrics(year(2023))
        _ = try f.metrics(range("2022-07-01", "2023-06-30"))
        #expect(FileBytes(path: f.path) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: f.path)[.modificationDate] as? Date == attributes[.modificationDate] as? Date)
        // No journal or WAL file was left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.dir) == ["test.db"])
    }
}
