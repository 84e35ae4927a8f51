#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a path: its kind, size and modification time, and the stamp change detection
/// compares. The one place outside the directory scanner and the readers where feedd asks the file system.
public struct FileStatus: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case regular, directory, symbolicLink, other
    }

    public var kind: Kind
    public var size: Int64
    public var modifiedSeconds: Int64
    public var modifiedNanoseconds: Int64

    /// The status of `path`, or nil when it does not exist or cannot be reached; `followLinks` false
    /// describes a link itself.
    public init?(_ path: String, followLinks: Bool = true) {
        var info = stat()
        guard (followLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        default: kind = .other
        }
        size = Int64(info.st_size)
        modifiedSeconds = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
    }

    /// `size:seconds.nanoseconds`: equal stamps mean a file unchanged as far as size and mtime tell.
    public var stamp: String { "\(size):\(modifiedSeconds).\(modifiedNanoseconds)" }

    /// Whether anything exists at `path` (following links).
    public static func exists(_ path: String) -> Bool { FileStatus(path) != nil }

    /// Whether `path` names a directory (following links).
    public static func isDirectory(_ path: String) -> Bool { FileStatus(path)?.kind == .directory }

    /// Whether `path` names a regular file (following links).
    public static func isRegularFile(_ path: String) -> Bool { FileStatus(path)?.kind == .regular }
}
