import Foundation

/// Where a PostgreSQL store lives: `[store] url`, with the password kept apart (read from a file or the
/// environment when the store opens) so that no URL feedd prints or logs can carry it.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is encrypted (`sslmode` in the URL, as libpq names it).
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Plain TCP (loopback, or a Unix socket).
        case disable
        /// TLS when the server offers it (libpq's default).
        case prefer
        /// TLS or no connection, the server's certificate verified against the system's roots.
        case require = "verify-full"
    }

    public var host: String
    public var port: Int
    /// A directory holding the server's socket (`?host=/run/postgresql`), used instead of `host:port`.
    public var socketDirectory: String?
    public var user: String
    public var database: String
    public var tls: TLSMode

    /// The environment variable a password may come from when no `password_file` is set.
    public static let passwordVariable = "FEEDD_STORE_PASSWORD"

    /// Reads `postgresql://user@host:port/database?sslmode=…&host=/socket/dir`. Throws a reason naming what
    /// is wrong (never echoing a password).
    public init(url: String) throws(LocationError) {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
              scheme == "postgresql" || scheme == "postgres"
        else { throw LocationError("expected postgresql://user@host[:port]/database") }
        if parts.password != nil {
            throw LocationError("holds a password: put it in `password_file` or $\(Self.passwordVariable), never in the URL")
        }
        guard let user = parts.user?.removingPercentEncoding, !user.isEmpty else {
            throw LocationError("names no user: expected postgresql://user@host[:port]/database")
        }
        let database = String(parts.path.drop(while: { $0 == "/" })).removingPercentEncoding ?? ""
        guard !database.isEmpty, !database.contains("/") else {
            throw LocationError("names no database: expected postgresql://user@host[:port]/database")
        }
        var tls = TLSMode.prefer
        var socketDirectory: String?
        for item in parts.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                switch item.value ?? "" {
                case "disable": tls = .disable
                case "allow", "prefer": tls = .prefer
                case "require", "verify-ca", "verify-full": tls = .require
                case let other: throw LocationError("sslmode \"\(other)\" is not one of disable, prefer, require, verify-full")
                }
            case "host":
                guard let value = item.value, value.hasPrefix("/") else {
                    throw LocationError("the host parameter must be a socket directory (an absolute path)")
                }
                socketDirectory = value
            default:
                throw LocationError("unknown parameter \"\(item.name)\" (known: sslmode, host)")
            }
        }
        let host = parts.host ?? ""
        guard !host.isEmpty || socketDirectory != nil else {
            throw LocationError("names no host: expected postgresql://user@host[:port]/database")
        }
        if let port = parts.port, !(1...65_535).contains(port) { throw LocationError("port \(port) is out of range") }
        self.host = host
        port = parts.port ?? 5_432
        self.socketDirectory = socketDirectory
        self.user = user
        self.database = database
        self.tls = socketDirectory != nil ? .disable : tls
    }

    /// The URL without any secret, as status and errors show it.
    public var description: String {
        var text = "postgresql://\(user)@\(host.contains(":") ? "[\(host)]" : host)"
        if port != 5_432 { text += ":\(port)" }
        text += "/\(database)"
        var parameters: [String] = []
        if let socketDirectory { parameters.append("host=\(socketDirectory)") }
        if tls != .prefer, socketDirectory == nil { parameters.append("sslmode=\(tls.rawValue)") }
        return parameters.isEmpty ? text : text + "?" + parameters.joined(separator: "&")
    }

    /// The socket's path when the location names a socket directory (PostgreSQL's `.s.PGSQL.<port>`).
    public var socketPath: String? {
        socketDirectory.map { FilePath.join($0, ".s.PGSQL.\(port)") }
    }

    public struct LocationError: Error, Sendable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}

/// How a store is kept: the embedded SQLite file in the state directory (the default), or a PostgreSQL
/// database that several instances share.
public enum StoreChoice: Sendable, Hashable {
    case sqlite
    /// The location, and the file the password is read from (else `FEEDD_STORE_PASSWORD`, else none).
    case postgres(PostgresLocation, passwordFile: String?)
}
