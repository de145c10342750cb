import Foundation

/// A file's device and inode: which file a name leads to, whatever the spelling of the path
/// (links, `./`), and whether it still leads to the file opened earlier (not one renamed over it).
public struct FileIdentity: Equatable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    /// The file `path` leads to now; nil when there is none.
    public init?(_ path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }
}
