import Foundation

/// What a path names, checked with `stat` before opening it: opening a FIFO blocks forever and
/// reading a device never ends, so every file Almanac reads (the database, a report, a theme,
/// a logo, a CSV file) must be a regular file, and every file it replaces must be one too.
public enum FileKind: Equatable, Sendable {
    case regular, directory, fifo, device, socket, missing, other

    /// The kind of `path`, following symbolic links.
    public static func of(_ path: String) -> FileKind {
        var st = stat()
        guard stat(path, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFIFO: return .fifo
        case S_IFCHR, S_IFBLK: return .device
        case S_IFSOCK: return .socket
        default: return .other
        }
    }

    /// "a FIFO (named pipe)", for messages.
    public var phrase: String {
        switch self {
        case .regular: "a regular file"
        case .directory: "a folder"
        case .fifo: "a FIFO (named pipe)"
        case .device: "a device"
        case .socket: "a socket"
        case .missing: "missing"
        case .other: "not a regular file"
        }
    }

    /// nil when `path` is a regular file (or, with `allowMissing`, does not exist yet); else
    /// the message "PATH: is a FIFO (named pipe), not a regular file; give the path of a file".
    public static func problem(_ path: String, allowMissing: Bool = false) -> String? {
        let kind = of(path)
        if kind == .regular || (allowMissing && kind == .missing) { return nil }
        if kind == .missing { return "\(path): no such file" }
        return "\(path): is \(kind.phrase), not a regular file; Almanac reads and writes only regular files"
    }
}
