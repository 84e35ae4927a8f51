import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP proxy on 127.0.0.1 that tunnels `CONNECT host:port` (how AsyncHTTPClient uses a proxy, for
/// http and https alike) to a loopback port chosen by the test: a name that resolves nowhere reaches a
/// local server only through it. Records each CONNECT target and its `Proxy-Authorization`, if any.
public final class ConnectProxy: Sendable {
    public let port: Int
    private let listener: Int32
    private let route: @Sendable (String) -> Int?
    private let recorded = Mutex<[(target: String, headers: String)]>([])

    /// `route` maps `host:port` to the loopback port to tunnel to (nil: answer 502).
    public init(route: @escaping @Sendable (String) -> Int?) throws {
        self.route = route
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, bound == 0, listen(fd, 16) == 0 else { throw RawHTTPClient.Failure(description: "proxy: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        listener = fd
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// The `host:port` of every CONNECT, in order.
    public var targets: [String] { recorded.withLock { $0.map(\.target) } }
    /// The request heads as received (to check what the proxy saw).
    public var heads: [String] { recorded.withLock { $0.map(\.headers) } }

    public func shutdown() {
        Glibc.shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            Thread { [self] in serve(client) }.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var head: [UInt8] = []
        var byte: UInt8 = 0
        while !head.suffix(4).elementsEqual("\r\n\r\n".utf8), head.count < 65_536 {
            guard recv(client, &byte, 1, 0) == 1 else { return }
            head.append(byte)
        }
        let text = String(decoding: head, as: UTF8.self)
        let words = text.components(separatedBy: "\r\n")[0].split(separator: " ")
        guard words.count == 3, words[0] == "CONNECT" else { return reply(client, "405 Method Not Allowed") }
        let target = String(words[1])
        recorded.withLock { $0.append((target, text)) }
        guard let destination = route(target) else { return reply(client, "502 Bad Gateway") }
        guard let upstream = try? RawHTTPClient.connectLoopback(port: destination) else { return reply(client, "502 Bad Gateway") }
        defer { close(upstream) }
        reply(client, "200 Connection Established")
        pipe(client, upstream)
    }

    private func reply(_ fd: Int32, _ status: String) {
        let text = "HTTP/1.1 \(status)\r\n\r\n"
        _ = text.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
    }

    /// Copies bytes both ways until either side closes.
    private func pipe(_ a: Int32, _ b: Int32) {
        var fds = [pollfd(fd: a, events: Int16(POLLIN), revents: 0), pollfd(fd: b, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while poll(&fds, 2, 30_000) > 0 {
            for (index, entry) in fds.enumerated() where entry.revents != 0 {
                let from = entry.fd, to = index == 0 ? b : a
                let count = buffer.withUnsafeMutableBytes { recv(from, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { return }
                var sent = 0
                while sent < count {
                    let n = buffer[sent..<count].withUnsafeBytes { send(to, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    guard n > 0 else { return }
                    sent += n
                }
            }
        }
    }
}
