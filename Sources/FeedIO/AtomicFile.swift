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
        var template = Array("\(directory)/\(temporaryPrefix(name))XXXXXX".utf8CString)
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

    /// The temporary name `write` uses beside `name`, without its six random characters.
    static func temporaryPrefix(_ name: String) -> String { ".\(name).tmp-" }

    /// Removes the temporary files that a writer killed mid-write left beside `names` in `directory`
    /// (`.NAME.tmp-XXXXXX`), and returns their names. Call it only while holding the state lock: a
    /// temporary file another feedd is still writing would be taken too.
    @discardableResult
    public static func removeStaleTemporaries(in directory: String, for names: [String]) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        let prefixes = names.map { Array(temporaryPrefix($0).utf8) }
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        var removed: [String] = []
        while let entry = readdir(dir) {
            let cName = (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self)
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(cName).assumingMemoryBound(to: UInt8.self), count: strlen(cName))
            guard prefixes.contains(where: { bytes.count == $0.count + 6 && bytes.starts(with: $0) }) else { continue }
            if unlinkat(dirfd(dir), cName, 0) == 0 { removed.append(String(decoding: bytes, as: UTF8.self)) }
        }
        if !removed.isEmpty { syncDirectory(directory) }
        return removed
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
                SystemCall.retrying { Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset) }
            }
            if written < 0 { throw FileError(path: path, operation: "write", errno: errno) }
            offset += written
        }
    }
}
