#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization

/// One file found in a directory, with what change detection needs.
public struct ScannedFile: Sendable, Hashable {
    /// The base name inside the scanned directory; a name that is not UTF-8 is spelled with `\xNN` for
    /// each byte that does not decode (see `rawName`).
    public var name: String
    /// The name's bytes when they are not UTF-8 (nil otherwise): what opening the file needs.
    public var rawName: [UInt8]?
    public var size: Int64
    /// Modification time in nanoseconds since the epoch.
    public var modifiedNanoseconds: Int64

    public init(name: String, rawName: [UInt8]? = nil, size: Int64, modifiedNanoseconds: Int64) {
        self.name = name
        self.rawName = rawName
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
    }
}

/// Lists the regular files of one directory (not recursive), with size and mtime, via readdir + fstatat.
public enum DirectoryScanner {
    /// Names are handed to `fstatat` in batches of this many; a directory with more is stated on every
    /// processor while it is still being read, since each `fstatat` is a path lookup in the kernel and
    /// the lookups scale.
    static let batchSize = 1_024
    /// Serial queues the batches are dealt to, each with its own thread: twice the processors, at most 8.
    /// More lanes than processors pay because each lookup waits on the kernel; one lane was measurably
    /// slower (`python3 bench/bench.py articles` times the warm pass).
    static var laneCount: Int { min(8, max(2, 2 * Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))) }

    /// The regular files and symbolic links directly under `path` whose names (bytes, without a NUL) pass
    /// `include`; entries that vanish between readdir and stat are skipped.
    ///
    /// A link is listed, not skipped, so that whoever reads the files can refuse it with a message; its
    /// size and mtime are its target's when `followSymlinks` is set and the target is a regular file (so an
    /// edit of the target is seen), else the link's own.
    public static func list(
        _ path: String, followSymlinks: Bool = false, include: (UnsafeBufferPointer<UInt8>) -> Bool
    ) throws(FileError) -> DirectoryListing {
        guard let dir = opendir(path) else { throw FileError(path: path, operation: "open directory", errno: errno) }
        let dfd = dirfd(dir)
        let workers = DispatchGroup()
        let results = Mutex<[(batch: Int, listing: DirectoryListing)]>([])
        // The workers use the directory's descriptor: wait for them before closing it, also on an error.
        defer {
            workers.wait()
            closedir(dir)
        }
        var batch = NameBatch()
        var batches = 0
        var lanes: [DispatchQueue] = []
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { throw FileError(path: path, operation: "read directory", errno: errno) }
                break
            }
            let type = entry.pointee.d_type
            if type != UInt8(DT_REG) && type != UInt8(DT_LNK) && type != UInt8(DT_UNKNOWN) { continue }
            let cName = (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self)
            let name = UnsafeBufferPointer(start: UnsafeRawPointer(cName).assumingMemoryBound(to: UInt8.self), count: strlen(cName))
            if isDotOrDotDot(name) || !include(name) { continue }
            batch.append(name)
            if batch.count == batchSize {
                let full = batch, index = batches
                if lanes.isEmpty { lanes = (0..<Self.laneCount).map { DispatchQueue(label: "feedd.scan.\($0)") } }
                lanes[index % lanes.count].async(group: workers) {
                    let listing = statBatch(full, in: dfd, followSymlinks: followSymlinks)
                    results.withLock { $0.append((index, listing)) }
                }
                batch = NameBatch()
                batches += 1
            }
        }
        // The last, partial batch is stated here while the workers finish theirs.
        let last = statBatch(batch, in: dfd, followSymlinks: followSymlinks)
        guard batches > 0 else { return last }
        workers.wait()
        var whole = DirectoryListing()
        for part in results.withLock({ $0 }).sorted(by: { $0.batch < $1.batch }) { whole.append(contentsOf: part.listing) }
        whole.append(contentsOf: last)
        return whole
    }

    /// The regular files directly under `path` whose names pass `include`, sorted by the bytes of their
    /// names (SQLite's BINARY order, so a scan merges with the store's rows in one pass).
    public static func scan(_ path: String, include: (String) -> Bool) throws(FileError) -> [ScannedFile] {
        try list(path) { include(String(decoding: $0, as: UTF8.self)) }.files
    }

    static func isDotOrDotDot(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        (name.count == 1 && name[0] == 0x2E) || (name.count == 2 && name[0] == 0x2E && name[1] == 0x2E)
    }

    /// Size and mtime of each name of `batch` that is still a regular file or a link, in the batch's order.
    static func statBatch(_ batch: NameBatch, in dfd: Int32, followSymlinks: Bool) -> DirectoryListing {
        var listing = DirectoryListing()
        listing.reserve(files: batch.count, nameBytes: batch.bytes.count)
        batch.bytes.withUnsafeBufferPointer { bytes in
            for (index, start) in batch.starts.enumerated() {
                let name = UnsafeRawPointer(bytes.baseAddress! + start).assumingMemoryBound(to: CChar.self)
                var info = stat()
                guard fstatat(dfd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                let type = info.st_mode & S_IFMT
                guard type == S_IFREG || type == S_IFLNK else { continue }
                if type == S_IFLNK && followSymlinks {
                    var target = stat()
                    if fstatat(dfd, name, &target, 0) == 0, target.st_mode & S_IFMT == S_IFREG { info = target }
                }
                let end = index + 1 < batch.starts.count ? batch.starts[index + 1] - 1 : bytes.count - 1
                let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                let nameBytes = UnsafeBufferPointer(rebasing: bytes[start..<end])
                listing.append(name: nameBytes, size: Int64(info.st_size), modifiedNanoseconds: mtime)
            }
        }
        return listing
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
    public static func isDirectory(_ path: String) -> Bool { FileStatus.isDirectory(path) }

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

/// Names read from a directory and not yet stated: their bytes, each followed by a NUL.
struct NameBatch: Sendable {
    var bytes: [UInt8] = []
    var starts: [Int] = []

    var count: Int { starts.count }

    mutating func append(_ name: UnsafeBufferPointer<UInt8>) {
        starts.append(bytes.count)
        bytes.append(contentsOf: name)
        bytes.append(0)
    }
}
