#if canImport(Glibc)
import Glibc

/// A self-pipe that wakes the watcher thread out of `poll(2)`; both ends close when the last holder lets go.
///
/// (A pipe rather than an eventfd: `<sys/eventfd.h>` is not part of the Glibc module.)
final class WakeupDescriptor: Sendable {
    /// The end the watcher polls.
    let fd: Int32
    private let writeEnd: Int32

    init(path: String) throws(FileError) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw FileError(path: path, operation: "create a wake-up pipe to watch", errno: errno) }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        fd = ends[0]
        writeEnd = ends[1]
    }

    /// Makes `fd` readable (repeatable: a full pipe is readable already).
    func signal() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    deinit {
        close(fd)
        close(writeEnd)
    }
}
#endif
