import Base
import Foundation
import GRDB
import Testing
@testable import Metrics
import Store

/// The metric families on two connections (`ReadPool`) give what one connection gives, stop on
/// the same messages, and are used only where both connections must read the same file.
@Suite struct ReadPoolTests {
    @Test func twoConnectionsComputeWhatOneComputes() throws {
        let f = try Fixture.sample(members: 800, seed: 11)
        defer { f.cleanup() }
        let serial = try MetricsEngine.open(f.path, parallelFrom: .max)
        let parallel = try MetricsEngine.open(f.path, parallelFrom: 0)
        #expect(serial.pool.helper == nil)
        #expect(parallel.pool.helper != nil)
        let today = date("2030-01-01")
        for period in [year(2021), year(2022), year(2023), year(2024), range("2022-04-01", "2023-09-30")] {
            let one = try serial.compute(period, today: today), two = try parallel.compute(period, today: today)
            #expect(one == two, "\(period)")
            #expect(try one.jsonData() == two.jsonData(), "\(period)")
        }
    }

    /// No members, no activities, no groups: the same empty answers on either path.
    @Test func twoConnectionsComputeWhatOneComputesOnAnEmptyDatabase() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let parallel = try MetricsEngine.open(f.path, parallelFrom: 0)
        #expect(parallel.pool.helper != nil)
        let today = date("2030-01-01")
        for period in [year(2023), range("2022-04-01", "2023-09-30")] {
            let one = try MetricsEngine.open(f.path, parallelFrom: .max).compute(period, today: today)
            let two = try parallel.compute(period, today: today)
            #expect(one == two, "\(period)")
            #expect(two.value("members.end") == 0 && two.value("working_groups.total") == 0)
        }
    }

    @Test func everyFamilyIsTimedOnce() throws {
        let f = try Fixture.sample(members: 200, seed: 2)
        defer { f.cleanup() }
        var names: [String] = []
        _ = try MetricsEngine.open(f.path, parallelFrom: 0).compute(year(2023)) { name, _ in names.append(name) }
        #expect(names == ["engagement", "distribution", "names check", "membership", "working groups and activities", "grants and targets"])
    }

    /// A name the directory could not read stops the metrics with the row's message on either
    /// path, and the directory asked first stops the same way.
    @Test func anUnreadableNameIsTheMessageOnEitherPath() throws {
        let f = try Fixture.sample(members: 300, seed: 4)
        defer { f.cleanup() }
        try f.execute("PRAGMA ignore_check_constraints = ON; UPDATE members SET name = '  ' WHERE id = 17")
        for parallelFrom: Int64 in [0, .max] {
            let engine = try MetricsEngine.open(f.path, parallelFrom: parallelFrom)
            #expect(throws: StoreError.self) { try engine.compute(year(2023)) }
            do {
                _ = try engine.compute(year(2023))
            } catch {
                #expect("\(error)".contains("members row 17: name is empty"), "\(error)")
            }
            do {
                _ = try MetricsEngine.open(f.path, parallelFrom: parallelFrom).directory(on: date("2023-12-31"), groupedBy: .region)
                Issue.record("the directory read an empty name")
            } catch {
                #expect("\(error)".contains("members row 17: name is empty"), "\(error)")
            }
        }
    }

    /// The first failing job's error in the jobs' order, whichever thread ran it and whenever.
    @Test func outcomesComeInTheJobsOrder() throws {
        let f = try Fixture.sample(members: 100, seed: 1)
        defer { f.cleanup() }
        let main = try AlmanacDatabase.openForReading(f.path)
        let pool = ReadPool(helper: try AlmanacDatabase.openForReading(f.path))
        struct Failure: Error, Equatable { let job: Int }
        let jobs: [ReadPool.Job<Int>] = (0..<8).map { n in { @Sendable db in
            if n.isMultiple(of: 3) { throw Failure(job: n) }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM members") ?? -1
        } }
        let outcomes = try main.read { db in pool.run(jobs, on: db) }
        let members = try f.count("SELECT count(*) FROM members")
        for (n, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(let count): #expect(!n.isMultiple(of: 3) && count == members)
            case .failure(let error): #expect((error as? Failure) == Failure(job: n))
            }
        }
    }

    @Test func noSecondConnectionBelowTheThreshold() throws {
        let f = try Fixture.sample(members: 100, seed: 1)
        defer { f.cleanup() }
        let largest = Int64(try f.count("SELECT max(id) FROM members"))
        #expect(try MetricsEngine.open(f.path).pool.helper == nil)
        #expect(try MetricsEngine.open(f.path, parallelFrom: largest + 1).pool.helper == nil)
        #expect(try MetricsEngine.open(f.path, parallelFrom: largest).pool.helper != nil)
    }

    /// In WAL mode a writer may commit between the two connections' first reads.
    @Test func noSecondConnectionToAWALDatabase() throws {
        let f = try Fixture.sample(members: 100, seed: 1)
        defer { f.cleanup() }
        let writer = try DatabaseQueue(path: f.path)
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        #expect(try MetricsEngine.open(f.path, parallelFrom: 0).pool.helper == nil)
        try writer.close()
    }

    /// A file renamed over the path after the first connection opened (an import's atomic
    /// replace) is another file: the second connection would read other data.
    @Test func noSecondConnectionToAFileReplacedMeanwhile() throws {
        let f = try Fixture.sample(members: 100, seed: 1)
        defer { f.cleanup() }
        let other = try Fixture.sample(members: 120, seed: 2)
        defer { other.cleanup() }
        let identity = FileIdentity(f.path)
        let main = try AlmanacDatabase.openForReading(f.path)
        #expect(ReadPool.helper(path: f.path, main: main, identity: identity, from: 0) != nil)
        try FileManager.default.removeItem(atPath: f.path)
        try FileManager.default.copyItem(atPath: other.path, toPath: f.path)
        #expect(ReadPool.helper(path: f.path, main: main, identity: identity, from: 0) == nil)
        try main.close()
    }
}
