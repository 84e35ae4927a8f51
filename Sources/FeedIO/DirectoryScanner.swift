#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization

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
        var names: [String] = []
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
            names.append(name)
        }
        let files = statAll(names, in: dfd)
        return sortedByName(files)
    }

    /// Size and mtime of each name that is still a regular file, in no particular order. A large directory is
    /// split between the processors: each `fstatat` is a path lookup in the kernel, and the lookups scale.
    static func statAll(_ names: [String], in dfd: Int32) -> [ScannedFile] {
        let workers = names.count >= 2_048 ? max(1, min(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 4)) : 1
        let found = Mutex<[ScannedFile]>([])
        let body = { @Sendable (worker: Int) in
            var local: [ScannedFile] = []
            var index = worker
            while index < names.count {
                var info = stat()
                if fstatat(dfd, names[index], &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                    let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                    local.append(ScannedFile(name: names[index], size: Int64(info.st_size), modifiedNanoseconds: mtime))
                }
                index += workers
            }
            found.withLock { $0.append(contentsOf: local) }
        }
        if workers == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: body) }
        return found.withLock { $0 }
    }

    /// `files` in the byte order of their names: sorted on the names' first eight bytes as an integer,
    /// with `ByteOrder` only to break ties (comparing Strings dominated a warm run's profile).
    static func sortedByName(_ files: [ScannedFile]) -> [ScannedFile] {
        var keys = files.indices.map { index -> (prefix: UInt64, index: Int) in
            var prefix: UInt64 = 0
            var count = 0
            for byte in files[index].name.utf8.prefix(8) {
                prefix = prefix << 8 | UInt64(byte)
                count += 1
            }
            return (prefix << (8 * UInt64(8 - count)), index)
        }
        keys.sort { a, b in
            a.prefix != b.prefix ? a.prefix < b.prefix : ByteOrder.precedes(files[a.index].name, files[b.index].name)
        }
        return keys.map { files[$0.index] }
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
