import Foundation
import TestSupport
import GRDB
@testable import Store

/// A fresh temporary folder per test, removed by the caller with `cleanup()`.
struct Scratch {
    let dir: String

    init() {
        dir = NSTemporaryDirectory() + "almanac-store-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { dir + "/" + name }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let p = path(name)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: p))
        return p
    }

    func cleanup() { try? FileManager.default.removeItem(atPath: dir) }

    /// An initialized Almanac database with two regions and three countries.
    func database(_ name: String = "test.db") throws -> (String, DatabaseQueue) {
        let p = path(name)
        try AlmanacDatabase.initialize(p, regions: .none)
        let q = try AlmanacDatabase.openForWriting(p)
        try q.write { db in
            try db.execute(sql: """
                INSERT INTO regions (id, name) VALUES (1, 'Africa'), (2, 'Europe & Central Asia');
                INSERT INTO countries (code, name, region_id) VALUES ('KE', 'Kenya', 1), ('NG', 'Nigeria', 1), ('FR', 'France', 2);
                """)
        }
        return (p, q)
    }
}

func bytes(_ path: String) -> FileBytes { FileBytes(path: path) }
