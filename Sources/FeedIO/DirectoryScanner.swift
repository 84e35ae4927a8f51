#if canImport(Glibc)
import Glibc
#endif

/// One regular file found in a directory, with what change detection needs.
public struct ScannedFile: Sendable, Hashable {
    /// The base name inside the scanned directory.
    public var name: String
    public var size: Int64
    /// Modification time in nanoseconds since the epoch.
    public var modifiedNanoseconds: Int64

    public init(name: String, size: Int64, modifiedNanoseconds: Int64) {
        self.name = name
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
    }
}

/// Lists the regular files of one directory (not recursive), with size and mtime, via readdir + fstatat.
public enum DirectoryScanner {
    /// The regular files directly under `path` whose names pass `include`, sorted by the bytes of their
    /// names (SQLite's BINARY order, so a scan merges with the store's rows in one pass).
    /// Symbolic links are followed; entries that vanish between readdir and stat are skipped.
    public static func scan(_ path: String, include: (String) -> Bool) throws(FileError) -> [ScannedFile] {
        guard let dir = opendir(path) else { throw FileError(path: path, operation: "open directory", errno: errno) }
        defer { closedir(dir) }
        let dfd = dirfd(dir)
        var files: [ScannedFile] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { throw FileError(path: path, operation: "read directory", errno: errno) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." || !include(name) { continue }
            let type = entry.pointee.d_type
            if type != UInt8(DT_REG) && type != UInt8(DT_LNK) && type != UInt8(DT_UNKNOWN) { continue }
            var info = stat()
            guard fstatat(dfd, name, &info, 0) == 0 else { continue }
            guard (info.st_mode & S_IFMT) == S_IFREG else { continue }
            let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            files.append(ScannedFile(name: name, size: Int64(info.st_size), modifiedNanoseconds: mtime))
        }
        files.sort { ByteOrder.precedes($0.name, $1.name) }
        return files
    }

    /// Whether `path` names an existing directory.
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates `path` and its missing parents (mode 0755).
    public static func createDirectory(_ path: String) throws(FileError) {
        if isDirectory(path) { return }
        let parent = FilePath.directory(of: path)
        if parent != path && !parent.isEmpty && parent != "." && parent != "/" && !isDirectory(parent) {
            try createDirectory(parent)
        }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw FileError(path: path, operation: "create directory", errno: errno)
        }
    }
}
