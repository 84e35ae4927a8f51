#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces files atomically: a temp file in the same directory, fsync, rename, fsync of the directory.
///
/// Readers of the path see either the old bytes or the new ones, never a half-written file, and a crash
/// at any point leaves one of the two on disk.
public enum AtomicFile {
    /// Writes `bytes` to `path` unless the file already holds exactly those bytes.
    /// - Returns: `true` when the file was replaced, `false` when it was left untouched.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String, permissions: mode_t = 0o644) throws(FileError) -> Bool {
        if let current = try? FileReader.read(path, limit: bytes.count + 1), current == bytes {
            return false
        }
        let directory = FilePath.directory(of: path)
        let name = FilePath.baseName(of: path)
        var template = Array("\(directory)/.\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileError(path: path, operation: "create a temporary file beside", errno: errno) }
        let tempPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer {
            if !ok { unlink(tempPath) }
        }
        do {
            defer { close(fd) }
            try writeAll(fd: fd, bytes: bytes, path: tempPath)
            guard fchmod(fd, permissions) == 0 else { throw FileError(path: tempPath, operation: "chmod", errno: errno) }
            guard fsync(fd) == 0 else { throw FileError(path: tempPath, operation: "fsync", errno: errno) }
        }
        guard rename(tempPath, path) == 0 else { throw FileError(path: path, operation: "rename into place", errno: errno) }
        ok = true
        syncDirectory(directory)
        return true
    }

    /// Makes a rename durable: fsync the directory that holds the entry (errors ignored: some file systems refuse it).
    static func syncDirectory(_ directory: String) {
        let dfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dfd >= 0 else { return }
        _ = fsync(dfd)
        close(dfd)
    }

    private static func writeAll(fd: Int32, bytes: [UInt8], path: String) throws(FileError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, operation: "write", errno: errno)
            }
            offset += written
        }
    }
}
