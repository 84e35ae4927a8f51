#if canImport(Glibc)
import Glibc
#endif

/// Reads whole files with a size cap, without Foundation.
///
/// Every file is opened non-blocking and checked with `fstat` on the opened descriptor, so a FIFO or a
/// device put where a file was expected is refused at once instead of blocking the pass (a check of the
/// path before opening it could be raced).
public enum FileReader {
    /// What may stand at the path.
    public enum Acceptance: Sendable, Hashable {
        /// A regular file, reached through symbolic links if any (paths an administrator names: the
        /// configuration, a local feed).
        case regularFile
        /// A regular file that is not itself a symbolic link (articles, by default): a link anyone with
        /// write access to the directory planted could point anywhere.
        case regularFileNoSymlink
        /// A regular file that, once every link is resolved, lies inside `directory` (an absolute,
        /// resolved path). Checked on the opened descriptor, so swapping a link between check and open
        /// gains nothing.
        case regularFileWithin(String)
        /// Anything readable: pipes and character devices too (`feedd inspect /dev/stdin`).
        case anything
    }

    /// The bytes of `path`; throws when the file holds more than `limit` bytes or is not what `accept` allows.
    public static func read(_ path: String, limit: Int, accept: Acceptance = .regularFile) throws(FileError) -> [UInt8] {
        try read(pathBytes: Array(path.utf8), displayPath: path, limit: limit, accept: accept)
    }

    /// `read` for a path given as bytes (a file name need not be UTF-8); `displayPath` names it in errors.
    public static func read(pathBytes: [UInt8], displayPath path: String, limit: Int, accept: Acceptance) throws(FileError) -> [UInt8] {
        let fd = try open(pathBytes: pathBytes, displayPath: path, accept: accept)
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError(path: path, operation: "stat", errno: errno) }
        let isRegular = info.st_mode & S_IFMT == S_IFREG
        let expected = isRegular ? Int(info.st_size) : 0
        if expected > limit {
            throw FileError(path: path, operation: "read", reason: "the file is \(expected) bytes, over the \(limit)-byte cap")
        }
        // Read one byte past the cap so a file that grew after fstat is still caught.
        var buffer = [UInt8](repeating: 0, count: min(expected, limit) + 1)
        var count = 0
        while true {
            if count == buffer.count {
                if count > limit { break }
                buffer.append(contentsOf: repeatElement(0, count: min(max(count, 4096), limit + 1 - count)))
            }
            let got = buffer.withUnsafeMutableBytes { raw in
                SystemCall.retrying { Glibc.read(fd, raw.baseAddress! + count, raw.count - count) }
            }
            if got < 0 { throw FileError(path: path, operation: "read", errno: errno) }
            if got == 0 { break }
            count += got
        }
        if count > limit {
            throw FileError(path: path, operation: "read", reason: "the file grew past the \(limit)-byte cap while being read")
        }
        buffer.removeSubrange(count...)
        return buffer
    }

    /// Opens `pathBytes` read-only as `accept` allows and returns the descriptor (blocking reads again).
    static func open(pathBytes: [UInt8], displayPath path: String, accept: Acceptance) throws(FileError) -> Int32 {
        var flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY
        if accept == .regularFileNoSymlink { flags |= O_NOFOLLOW }
        if case let .regularFileWithin(directory) = accept {
            // Refuse before opening what the link names: opening a device can have effects of its own.
            guard let target = resolvedPath(pathBytes), isInside(target, directory) else {
                throw FileError(path: path, operation: "open", reason: "a symbolic link that leads outside \(directory)")
            }
        }
        let fd = (pathBytes + [0]).withUnsafeBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { name in
                SystemCall.retrying { Glibc.open(name, flags) }
            }
        }
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP && accept == .regularFileNoSymlink {
                throw FileError(path: path, operation: "open", reason: "a symbolic link (not followed: articles.follow_symlinks is off)")
            }
            throw FileError(path: path, operation: "open", errno: code)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw FileError(path: path, operation: "stat", errno: code)
        }
        if accept != .anything && info.st_mode & S_IFMT != S_IFREG {
            close(fd)
            throw FileError(path: path, operation: "open", reason: "not a regular file (\(fileKind(info.st_mode)))")
        }
        if case let .regularFileWithin(directory) = accept {
            // What was opened, whatever happened to the path meanwhile.
            guard let opened = descriptorPath(fd), isInside(opened, directory) else {
                close(fd)
                throw FileError(path: path, operation: "open", reason: "a symbolic link that leads outside \(directory)")
            }
        }
        // Regular files ignore O_NONBLOCK; a pipe (`.anything`) must block again for its reads.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    /// Whether `path` is `directory` itself or below it (both absolute and resolved).
    static func isInside(_ path: String, _ directory: String) -> Bool {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(base)
    }

    /// The absolute path with every link resolved (`realpath`), or nil.
    public static func resolvedPath(_ pathBytes: [UInt8]) -> String? {
        let resolved = (pathBytes + [0]).withUnsafeBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { realpath($0, nil) }
        }
        guard let resolved else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The path the kernel records for an open descriptor (`/proc/self/fd/N`), or nil when it cannot say.
    static func descriptorPath(_ fd: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/fd/\(fd)", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A word for what a non-regular file is.
    static func fileKind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a directory"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }
}
