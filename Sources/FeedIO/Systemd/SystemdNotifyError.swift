#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A notification that could not be sent, naming the socket and the system's reason.
public struct SystemdNotifyError: Error, Sendable, Equatable, CustomStringConvertible {
    public var socket: String
    public var operation: String
    public var reason: String

    init(socket: String, operation: String, errno code: Int32) {
        self.socket = socket
        self.operation = operation
        self.reason = String(cString: strerror(code))
    }

    public var description: String { "cannot \(operation) \(socket): \(reason)" }
}
