import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on a file in the state directory: one feedd writes the store and outputs at a time.
///
/// The lock is released when the process exits, however it exits; the file holds the holder's pid for messages.
public final class ProcessLock: Sendable {
    public let path: String
    private let fd: Int32

    /// Why the lock could not be taken.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// Another process holds it; its pid when the file says.
        case held(path: String, pid: Int32?)
        case io(FileError)

        public var description: String {
            switch self {
            case let .held(path, pid):
                let who = pid.map { "process \($0)" } ?? "another process"
                return "\(who) holds the lock \(path) (a daemon or another --once is running)"
            case let .io(error):
                return error.description
            }
        }
    }

    /// Takes the lock, failing at once when it is held (or waiting for it when `wait` is true).
    public init(path: String, wait: Bool) throws(Failure) {
        // Never through a link (the file is truncated below, so a planted link would clobber its target),
        // and never a FIFO or device: checked on the descriptor.
        let fd = SystemCall.retrying { open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0o644) }
        guard fd >= 0 else {
            if errno == ELOOP {
                throw .io(FileError(path: path, operation: "open lock file", reason: "it is a symbolic link; remove it"))
            }
            throw .io(FileError(path: path, operation: "open lock file", errno: errno))
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw .io(FileError(path: path, operation: "open lock file", reason: "not a regular file; remove it"))
        }
        if SystemCall.retrying({ flock(fd, wait ? LOCK_EX : (LOCK_EX | LOCK_NB)) }) != 0 {
            let code = errno
            let holder = Self.readPID(fd)
            close(fd)
            if code == EWOULDBLOCK { throw .held(path: path, pid: holder) }
            throw .io(FileError(path: path, operation: "lock", errno: code))
        }
        ftruncate(fd, 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        self.path = path
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
