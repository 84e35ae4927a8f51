#if canImport(Glibc)
import Glibc

/// The `$NOTIFY_SOCKET` address: a file-system path, or (written with a leading `@`) an abstract name.
public struct NotifySocketAddress: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case path
        case abstract
    }

    public let kind: Kind
    /// The path, or the abstract name without its `@`.
    public let name: String

    /// Nil for an empty value, a relative path (systemd sends absolute ones) or a name too long for `sun_path`.
    public init?(_ value: String) {
        if value.hasPrefix("@") {
            kind = .abstract
            name = String(value.dropFirst())
        } else if value.hasPrefix("/") {
            kind = .path
            name = value
        } else {
            return nil
        }
        let capacity = MemoryLayout.size(ofValue: sockaddr_un().sun_path)
        guard !name.isEmpty, name.utf8.count < capacity else { return nil }
    }

    /// As written in the variable (`/run/…` or `@name`).
    public var description: String { kind == .abstract ? "@" + name : name }

    /// Sends one datagram from a fresh socket, as libsystemd's sd_notify does, without blocking: a full
    /// receive queue (`EAGAIN`) is retried every 10 ms for up to `patience`, then reported.
    func send(_ bytes: [UInt8], patience: Duration) throws(SystemdNotifyError) {
        let deadline = ContinuousClock.now + patience
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SystemdNotifyError(socket: description, operation: "create a socket", errno: errno) }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let nameBytes = Array(name.utf8)
        // An abstract name starts with a NUL and its length is exact; a path ends with a NUL.
        let offset = kind == .abstract ? 1 : 0
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.initializeMemory(as: UInt8.self, repeating: 0)
            for (index, byte) in nameBytes.enumerated() { raw[offset + index] = byte }
        }
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \.sun_path)!
        let length = socklen_t(pathOffset + offset + nameBytes.count + (kind == .path ? 1 : 0))
        while true {
            let sent = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                    bytes.withUnsafeBytes { raw in
                        SystemCall.retrying {
                            sendto(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT), socketAddress, length)
                        }
                    }
                }
            }
            if sent >= 0 { return }
            if errno == EAGAIN && ContinuousClock.now < deadline {
                usleep(10_000)
                continue
            }
            throw SystemdNotifyError(socket: description, operation: "send a notification to", errno: errno)
        }
    }
}
#endif
