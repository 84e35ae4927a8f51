#if canImport(Glibc)
import Glibc
#endif

/// System-call helpers shared by FeedIO (in the manner of swift-nio's `System.swift`).
enum SystemCall {
    /// Calls `body` again while it fails with `EINTR` (a signal arrived); returns its last result, with
    /// `errno` as the call left it.
    @inline(__always)
    static func retrying<T: FixedWidthInteger>(_ body: () -> T) -> T {
        while true {
            let result = body()
            if result == -1 && errno == EINTR { continue }
            return result
        }
    }
}
