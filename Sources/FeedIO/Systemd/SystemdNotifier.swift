#if canImport(Glibc)
import Foundation
import Glibc

/// Tells systemd about the service's state (`sd_notify(3)`) without linking libsystemd.
///
/// Each message is one datagram on a fresh `AF_UNIX`/`SOCK_DGRAM` socket sent to `$NOTIFY_SOCKET`, as
/// libsystemd does; a leading `@` in the variable names a socket in the abstract namespace. With the
/// variable unset (not started by systemd, or `Type=simple`) every call does nothing.
public struct SystemdNotifier: Sendable {
    /// The socket messages go to, or nil when notifications are off.
    public let socket: NotifySocketAddress?
    /// How often to send `WATCHDOG=1`: half of `$WATCHDOG_USEC` (sd_watchdog_enabled(3)); nil when the
    /// watchdog is off or `$WATCHDOG_PID` names another process.
    public let watchdogInterval: Duration?

    /// Reads `NOTIFY_SOCKET`, `WATCHDOG_USEC` and `WATCHDOG_PID` from `environment`, checked against `pid`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, pid: Int32 = getpid()) {
        socket = environment["NOTIFY_SOCKET"].flatMap(NotifySocketAddress.init)
        watchdogInterval = Self.watchdogInterval(environment: environment, pid: pid)
    }

    /// Whether messages go anywhere.
    public var isEnabled: Bool { socket != nil }

    /// `READY=1`: start-up is finished (for feedd: the first publish is done).
    public func ready(status: String? = nil) throws(SystemdNotifyError) {
        try send(["READY=1"] + Self.statusLine(status), patience: .seconds(1))
    }

    /// `STATUS=…`: one line shown by `systemctl status` (newlines become spaces).
    public func status(_ text: String) throws(SystemdNotifyError) {
        try send(Self.statusLine(text))
    }

    /// `RELOADING=1` with `MONOTONIC_USEC=` (CLOCK_MONOTONIC now, which systemd 253+ wants for `Type=notify-reload`).
    /// Send `ready()` when the reload is done.
    public func reloading(status: String? = nil) throws(SystemdNotifyError) {
        try send(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())"] + Self.statusLine(status), patience: .seconds(1))
    }

    /// `STOPPING=1`: shutdown has begun.
    public func stopping(status: String? = nil) throws(SystemdNotifyError) {
        try send(["STOPPING=1"] + Self.statusLine(status), patience: .seconds(1))
    }

    /// `WATCHDOG=1`: the service is alive; send it every `watchdogInterval`.
    public func watchdog() throws(SystemdNotifyError) {
        try send(["WATCHDOG=1"])
    }

    /// `EXTEND_TIMEOUT_USEC=…`: the current start, reload or stop needs up to `duration` more (systemd ≥ 236),
    /// for a first publish slower than `TimeoutStartSec`.
    public func extendTimeout(by duration: Duration) throws(SystemdNotifyError) {
        let parts = duration.components
        let microseconds = max(0, parts.seconds * 1_000_000 + parts.attoseconds / 1_000_000_000_000)
        try send(["EXTEND_TIMEOUT_USEC=\(microseconds)"])
    }

    /// Sends `assignments` as one newline-separated datagram (nothing when notifications are off).
    ///
    /// The send never blocks the daemon: when the receiver's queue is full it is retried for at most
    /// `patience` (state changes) or dropped at once (status lines, watchdog pings) with an error.
    public func send(_ assignments: [String], patience: Duration = .zero) throws(SystemdNotifyError) {
        guard let socket else { return }
        try socket.send(Array(assignments.joined(separator: "\n").utf8), patience: patience)
    }

    /// CLOCK_MONOTONIC in microseconds, the clock systemd compares `MONOTONIC_USEC` with.
    public static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }

    /// Half of `WATCHDOG_USEC` when it is a positive number and `WATCHDOG_PID` is unset or equals `pid`.
    static func watchdogInterval(environment: [String: String], pid: Int32) -> Duration? {
        guard let text = environment["WATCHDOG_USEC"], let usec = UInt64(text), usec > 0 else { return nil }
        if let owner = environment["WATCHDOG_PID"], Int32(owner) != pid { return nil }
        return .microseconds(Int64(clamping: usec / 2))
    }

    private static func statusLine(_ text: String?) -> [String] {
        guard let text else { return [] }
        return ["STATUS=" + text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")]
    }
}
#endif
