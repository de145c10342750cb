import Base
import Foundation
import GRDB

/// A one-line, user-facing problem with a database or an input file: it names the place and
/// says how to fix it. The CLI prints `description` as is.
public struct StoreError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Opens Almanac databases, telling our files from anything else before touching them.
///
/// Reading never migrates or writes: reports and metrics open with `openForReading`, which
/// refuses other applications' files and schemas newer or older than this build.
public enum AlmanacDatabase {
    /// Opens an existing Almanac database read-only.
    public static func openForReading(_ path: String) throws -> DatabaseQueue {
        try requireFile(path)
        var config = Configuration()
        config.readonly = true
        let queue = try open(path, config)
        _ = try queue.read { db in try verify(db, path: path, requireCurrent: true) }
        return queue
    }

    /// Opens an existing Almanac database for writing (import). It must already have the
    /// current schema: upgrading a user's file is `almanac init`'s job, said out loud.
    public static func openForWriting(_ path: String) throws -> DatabaseQueue {
        try requireFile(path)
        guard FileManager.default.isWritableFile(atPath: path) else {
            throw StoreError("\(path): cannot write to this file (permission denied); check its permissions")
        }
        let queue = try open(path, Configuration())
        _ = try queue.read { db in try verify(db, path: path, requireCurrent: true) }
        return queue
    }

    /// What `init` did to a file.
    public enum InitOutcome: Equatable {
        case created
        case upgraded(from: Int, to: Int)
        case alreadyCurrent(version: Int)
    }

    /// Creates a database with the schema and every country in `regions`' default regions, or
    /// upgrades an older Almanac database in place. Refuses any file that is not an Almanac database.
    @discardableResult
    public static func initialize(_ path: String, regions: RegionScheme = .subregions) throws -> InitOutcome {
        let fm = FileManager.default
        let existed = fm.fileExists(atPath: path) && ((try? fm.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) > 0
        if !existed {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty, !fm.fileExists(atPath: dir) {
                throw StoreError("\(path): folder \(dir) does not exist; create it first")
            }
        }
        let queue = try open(path, Configuration())
        if existed {
            let version = try queue.read { db in try verify(db, path: path, requireCurrent: false) }
            if version == Schema.currentVersion { return .alreadyCurrent(version: version) }
            try Schema.migrator.migrate(queue)
            return .upgraded(from: version, to: Schema.currentVersion)
        }
        try Schema.migrator.migrate(queue)
        try queue.write { db in try regions.seed(db) }
        return .created
    }

    /// Creates a fresh database with the schema at `path`, which must not exist (used for
    /// temporary files that are renamed into place once complete).
    public static func create(at path: String) throws -> DatabaseQueue {
        let queue = try open(path, Configuration())
        try Schema.migrator.migrate(queue)
        return queue
    }

    // MARK: - Checks

    private static func requireFile(_ path: String) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw StoreError("\(path): no such database; create one with `almanac init \(path)` or `almanac sample \(path)`")
        }
        if isDir.boolValue { throw StoreError("\(path): is a folder, not a database file") }
        // Opening a FIFO or a device would block or read forever.
        if let problem = FileKind.problem(path) { throw StoreError(problem) }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw StoreError("\(path): cannot read this file (permission denied); check its permissions")
        }
    }

    private static func open(_ path: String, _ config: Configuration) throws -> DatabaseQueue {
        do {
            return try DatabaseQueue(path: path, configuration: config)
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
    }

    /// Verifies that `db` is an Almanac database and returns its schema version.
    @discardableResult
    static func verify(_ db: Database, path: String, requireCurrent: Bool) throws -> Int {
        let appID: Int32
        do {
            appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
        guard appID == Schema.applicationID else {
            let what = appID == 0 ? "a SQLite database of another application" : String(format: "a SQLite database of another application (application_id 0x%08X)", appID)
            throw StoreError("\(path): \(what), not an Almanac database; create one with `almanac init NEW.db` and import your data with `almanac import`")
        }
        let migrator = Schema.migrator
        let applied = try migrator.appliedIdentifiers(db)
        if try migrator.hasBeenSuperseded(db) {
            let unknown = applied.subtracting(migrator.migrations).sorted().first ?? "?"
            throw StoreError("\(path): written by a newer Almanac (schema migration '\(unknown)' is unknown to this version, which supports schema \(Schema.currentVersion)); upgrade almanac to read it")
        }
        let version = try migrator.completedMigrations(db).count
        if requireCurrent, version < Schema.currentVersion {
            throw StoreError("\(path): schema version \(version) is older than this Almanac's (\(Schema.currentVersion)); run `almanac init \(path)` to upgrade it")
        }
        return version
    }

}

extension StoreError {
    /// A SQLite failure as one line naming the file and what to do, so no caller above Store
    /// needs to know GRDB's error type.
    public init(_ error: DatabaseError, path: String) {
        switch error.resultCode {
        case .SQLITE_NOTADB: self.init("\(path): not a SQLite database; pass an Almanac database (create one with `almanac init`)")
        case .SQLITE_CANTOPEN: self.init("\(path): cannot open this file; check that it exists and is readable")
        case .SQLITE_CORRUPT: self.init("\(path): the database file is damaged (SQLite reports corruption); restore it from a backup")
        case .SQLITE_READONLY: self.init("\(path): the database is read-only; check the file's permissions")
        case .SQLITE_BUSY, .SQLITE_LOCKED: self.init("\(path): the database is locked by another program; close it and retry")
        case .SQLITE_FULL: self.init("\(path): the disk is full; free some space and retry (the database is unchanged)")
        default: self.init("\(path): \(error.message ?? "\(error)")")
        }
    }

    /// Runs `body`, turning any SQLite failure into a `StoreError` about `path`.
    public static func translating<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
    }
}
