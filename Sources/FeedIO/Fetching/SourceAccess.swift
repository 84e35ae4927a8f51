import Foundation

/// How to reach one source besides its URL: extra request headers, HTTP basic auth, its own
/// `User-Agent`, a proxy. The password lives in a file and is read when a request is made, so it is in no
/// configuration value, no log line and no store row.
public struct SourceAccess: Sendable, Hashable {
    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// An HTTP proxy (`http://host:port`); requests to https sources go through it with CONNECT.
    public struct Proxy: Sendable, Hashable, CustomStringConvertible {
        public var host: String
        public var port: Int

        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }

        /// `http://host:port` (a port is required: proxies have no usual one); nil for anything else.
        public init?(url text: String) {
            guard let url = URL(string: text), url.scheme?.lowercased() == "http", let host = url.host, !host.isEmpty,
                  let port = url.port, (1...65_535).contains(port), url.user == nil, url.password == nil,
                  url.path.isEmpty || url.path == "/", url.query == nil, url.fragment == nil
            else { return nil }
            self.init(host: host, port: port)
        }

        public var description: String { "http://\(host.contains(":") ? "[\(host)]" : host):\(port)" }
    }

    public var headers: [Header]
    public var username: String?
    /// The file holding the basic-auth password (its first line); required with `username`.
    public var passwordFile: String?
    /// Replaces `polling.user_agent` for this source.
    public var userAgent: String?
    /// Nil: straight to the source.
    public var proxy: Proxy?

    public init(headers: [Header] = [], username: String? = nil, passwordFile: String? = nil, userAgent: String? = nil, proxy: Proxy? = nil) {
        self.headers = headers
        self.username = username
        self.passwordFile = passwordFile
        self.userAgent = userAgent
        self.proxy = proxy
    }

    /// Largest password file read (a password, not a document).
    static let maxPasswordFileSize = 4_096

    /// The basic-auth password: the file's first line, without its line ending.
    public static func readPassword(_ path: String) throws(FileError) -> String {
        let bytes = try FileReader.read(path, limit: maxPasswordFileSize, accept: .regularFile)
        let line = bytes.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        guard let password = String(validating: line, as: UTF8.self), !password.isEmpty else {
            throw FileError(path: path, operation: "read the password", reason: "expected the password on its first line (UTF-8, not empty)")
        }
        return password
    }

    /// `Authorization: Basic …` for `username`, with the password read now; nil without a username.
    func authorization() throws(FileError) -> String? {
        guard let username else { return nil }
        guard let passwordFile else { throw FileError(path: "password_file", operation: "read the password", reason: "a username needs a password_file") }
        let password = try Self.readPassword(passwordFile)
        return "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
    }

    /// Header names a source may not set: feedd sends them itself (validators, encoding, framing, the
    /// address) or they are set by their own keys (`user_agent`, `username`).
    public static let reservedHeaders: Set<String> = [
        "host", "if-none-match", "if-modified-since", "accept-encoding", "content-length", "transfer-encoding",
        "connection", "te", "upgrade", "proxy-authorization", "user-agent",
    ]

    /// Whether `name` is an HTTP field name (RFC 9110 token) a source may set.
    public static func isSettableHeader(_ name: String) -> Bool {
        guard !name.isEmpty, !reservedHeaders.contains(name.lowercased()) else { return false }
        return name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            default:
                "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }

    /// Whether `value` can be sent as a field value: visible characters, spaces and tabs, nothing that
    /// could end the field or the head.
    public static func isSendableValue(_ value: String) -> Bool {
        value.unicodeScalars.allSatisfy { $0 == "\t" || ($0.value >= 0x20 && $0.value != 0x7F) }
    }
}
