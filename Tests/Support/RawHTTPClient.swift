import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A response as it came off the wire.
public struct RawHTTPResponse: Sendable {
    public var status: Int
    /// Header fields in order, names lowercased.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public func header(_ name: String) -> String? {
        headers.first { $0.name == name.lowercased() }?.value
    }
}

/// Sends one request exactly as written (no path normalisation, any method) to 127.0.0.1 and reads the
/// whole answer (`Connection: close`). Blocking: call it off the cooperative pool.
public enum RawHTTPClient {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func send(port: Int, method: String = "GET", target: String, headers: [String: String] = [:]) throws -> RawHTTPResponse {
        var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        let raw = try exchange(port: port, request: Array(request.utf8))
        return try parse(raw, isHead: method == "HEAD")
    }

    /// Sends `request` as written (several requests at once, an HTTP/1.0 one) and reads until the server
    /// closes; the answers in the order they came.
    public static func exchange(port: Int, request: String, heads: Set<Int> = []) throws -> [RawHTTPResponse] {
        var raw = try exchange(port: port, request: Array(request.utf8))[...]
        var responses: [RawHTTPResponse] = []
        while !raw.isEmpty {
            let response = try parse(Array(raw), isHead: heads.contains(responses.count))
            let length = response.status == 304 || heads.contains(responses.count)
                ? 0 : Int(response.header("content-length") ?? "") ?? response.body.count
            responses.append(RawHTTPResponse(status: response.status, headers: response.headers, body: Array(response.body.prefix(length))))
            raw = raw.dropFirst(raw.count - response.body.count + length)
        }
        return responses
    }

    /// A TCP socket connected to 127.0.0.1:`port`; the caller closes it.
    static func connectLoopback(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw Failure(description: "connect to 127.0.0.1:\(port): errno \(errno)")
        }
        return fd
    }

    static func exchange(port: Int, request: [UInt8]) throws -> [UInt8] {
        let fd = try connectLoopback(port: port)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send: errno \(errno)") }
            sent += n
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 { throw Failure(description: "recv: errno \(errno)") }
            if n == 0 { break }
            response += buffer[0..<n]
        }
        return response
    }

    static func parse(_ raw: [UInt8], isHead: Bool) throws -> RawHTTPResponse {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = (0...(max(0, raw.count - 4))).first(where: { raw.count >= $0 + 4 && Array(raw[$0..<$0 + 4]) == separator }) else {
            throw Failure(description: "no end of headers in \(raw.count) bytes")
        }
        let lines = String(decoding: raw[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "status line \(lines[0])") }
        let headers = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return RawHTTPResponse(status: status, headers: headers, body: Array(raw[(end + 4)...]))
    }
}
