#if canImport(Glibc)
import Glibc
#endif

/// Reads whole files with a size cap, without Foundation.
public enum FileReader {
    /// The bytes of `path`; throws when the file holds more than `limit` bytes.
    public static func read(_ path: String, limit: Int) throws(FileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError(path: path, operation: "stat", errno: errno) }
        let expected = Int(info.st_size)
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
                Glibc.read(fd, raw.baseAddress! + count, raw.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, operation: "read", errno: errno)
            }
            if got == 0 { break }
            count += got
        }
        if count > limit {
            throw FileError(path: path, operation: "read", reason: "the file grew past the \(limit)-byte cap while being read")
        }
        buffer.removeSubrange(count...)
        return buffer
    }
}
