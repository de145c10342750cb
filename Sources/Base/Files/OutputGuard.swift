import Foundation

/// Refuses an output path that would destroy an input: the same file (compared by device and
/// inode, so another name, a `./` or a hard link is caught) as the database, its `-wal` or
/// `-journal`, the report definition, a theme or a logo; or anything that is not a regular
/// file or a new path (a device node, a FIFO, a folder).
public enum OutputGuard {
    /// nil when writing `output` is safe, else the message naming both files.
    public static func problem(writing output: String, inputs: [String]) -> String? {
        let kind = FileKind.of(output)
        if kind != .regular && kind != .missing {
            return "\(output): is \(kind.phrase); give the path of a new or regular file to write"
        }
        // A journal that does not exist yet is still the database's: SQLite would read a PDF
        // written there as a hot journal.
        let absolute = canonical(output)
        for input in inputs {
            for suffix in ["-wal", "-journal", "-shm"] where canonical(input + suffix) == absolute {
                return "\(output): is the \(suffix.dropFirst()) file of the database \(input); choose another output name"
            }
        }
        guard let out = FileIdentity(output) else { return nil }
        for input in inputs {
            for candidate in [input, input + "-wal", input + "-journal"] where FileIdentity(candidate) == out {
                return "\(output): is the same file as \(candidate), which this command reads; choose another output name"
            }
        }
        return nil
    }

    private static func canonical(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).standardizedFileURL.path
    }
}
