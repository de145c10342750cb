import Base
import Foundation
import GRDB

/// Whole-file writes that never leave a half-written database behind.
public enum DatabaseFiles {
    /// Atomically puts `temp` in place of `path` (POSIX rename: readers see the old file or the
    /// new one, never neither). Both must be in the same folder. Callers run it inside
    /// `Cleanup.shared.unlessStopped`, so that a signal already sent stops it.
    public static func replace(_ path: String, with temp: String) throws {
        guard rename(temp, path) == 0 else {
            throw StoreError("\(path): cannot move the new file into place (\(String(cString: strerror(errno)))); the previous file is unchanged")
        }
    }

    /// Builds a new database in a temporary file beside `path` and renames it into place only
    /// when `fill` succeeds. An existing file is replaced only when `replace` is true.
    public static func createAtomically(_ path: String, replace: Bool, fill: (DatabaseQueue) throws -> Void) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: path), !replace {
            throw StoreError("\(path): already exists; pass --force to replace it, or choose another file name")
        }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        guard fm.fileExists(atPath: dir) else { throw StoreError("\(path): folder \(dir) does not exist; create it first") }
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        try? fm.removeItem(atPath: temp)
        let pending = [Cleanup.shared.remove(temp), Cleanup.shared.remove(temp + "-journal")]
        defer { pending.forEach(Cleanup.shared.done) }
        do {
            do {
                let queue = try AlmanacDatabase.create(at: temp)
                try fill(queue)
                try queue.close()
            }
            try Cleanup.shared.unlessStopped { try DatabaseFiles.replace(path, with: temp) }
        } catch {
            try? fm.removeItem(atPath: temp)
            try? fm.removeItem(atPath: temp + "-journal")
            throw error
        }
    }
}
