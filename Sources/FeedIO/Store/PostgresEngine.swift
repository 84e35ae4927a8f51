import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// One connection to a PostgreSQL store, used one transaction at a time, as SQLite's queue is.
///
/// The store's callers are synchronous (a transaction is a closure, as with GRDB), so each statement waits
/// for its answer on the calling thread. The connection runs on an event loop of its own, never one of the
/// callers' threads, so the wait cannot block the loop it waits for. A connection that closed (the server
/// restarted, the network dropped) is opened again at the next transaction.
final class PostgresEngine: Sendable {
    let location: PostgresLocation
    private let password: String?
    private let group: MultiThreadedEventLoopGroup
    private let logger: Logger
    /// Taken for a whole transaction: one at a time on the connection.
    private let gate = NIOLock()
    private let connection = NIOLockedValueBox<PostgresConnection?>(nil)
    /// The connection that holds the role locks, and the keys it holds now.
    private let roleGate = NIOLock()
    private let roleConnection = NIOLockedValueBox<(connection: PostgresConnection, held: Set<Int64>)?>(nil)
    /// Statements with `?` rewritten to PostgreSQL's `$n`, once per distinct statement.
    private let rewritten = NIOLockedValueBox<[String: String]>([:])

    init(location: PostgresLocation, password: String?) throws {
        self.location = location
        self.password = password
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        // postgres-nio logs its protocol at debug and trace level; feedd reports failures itself.
        logger = Logger(label: "feedd.store.postgres") { _ in SwiftLogNoOpLogHandler() }
        // A failure here still runs `deinit`, which closes the connection and then stops the loop.
        try PostgresSchema.migrate(self)
    }

    deinit {
        if let open = connection.withLockedValue({ $0 }) { try? open.close().wait() }
        if let open = roleConnection.withLockedValue({ $0 }) { try? open.connection.close().wait() }
        try? group.syncShutdownGracefully()
    }

    /// Runs `body` in one transaction: a write one, or a read-only snapshot. Rolled back when it throws.
    func transaction<T>(writing: Bool, _ body: (PostgresSession) throws -> T) throws -> T {
        try gate.withLock {
            let session = PostgresSession(connection: try openConnection(), engine: self)
            try session.execute(writing ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", [StoreValue]())
            do {
                let result = try body(session)
                try session.execute("COMMIT", [StoreValue]())
                return result
            } catch {
                _ = try? session.execute("ROLLBACK", [StoreValue]())
                throw error
            }
        }
    }

    /// Whether this instance holds the role `key` names (publisher, ingester): PostgreSQL's session-level
    /// advisory lock `key`, held on a connection of its own and taken here when free. The lock lives as
    /// long as that connection: when the process dies its socket closes, the server lets go of the lock,
    /// and the next instance to ask takes it. A held lock is checked on the server each time (a dropped
    /// connection has lost it).
    func holdsLock(_ key: Int64) -> Bool {
        roleGate.withLock {
            var current = roleConnection.withLockedValue { $0 }
            if let open = current, open.connection.isClosed { current = nil }
            do {
                let connection = try current?.connection ?? connect()
                var held = current?.held ?? []
                // pg_locks shows a bigint advisory key as two halves (classid high, objid low), objsubid 1.
                let sql = held.contains(key)
                    ? """
                    SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
                        AND objsubid = 1 AND classid::bigint = \(key >> 32) AND objid::bigint = \(key & 0xffff_ffff)
                    """
                    : "SELECT CASE WHEN pg_try_advisory_lock(\(key)) THEN 1 ELSE 0 END"
                let rows = try run(sql, [], on: connection).rows
                let holds = try rows.first.map { try PostgresStoreRow(cells: $0.makeRandomAccess()).integer(0) ?? 0 } ?? 0 > 0
                if holds { held.insert(key) } else { held.remove(key) }
                roleConnection.withLockedValue { $0 = (connection, held) }
                return holds
            } catch {
                if let connection = current?.connection { _ = connection.close() as EventLoopFuture<Void> }
                roleConnection.withLockedValue { $0 = nil }
                return false
            }
        }
    }

    private func openConnection() throws -> PostgresConnection {
        if let open = connection.withLockedValue({ $0 }), !open.isClosed { return open }
        let opened = try connect()
        connection.withLockedValue { $0 = opened }
        return opened
    }

    private func connect() throws -> PostgresConnection {
        var configuration: PostgresConnection.Configuration
        if let socket = location.socketPath {
            configuration = .init(unixSocketPath: socket, username: location.user, password: password, database: location.database)
        } else {
            let tls: PostgresConnection.Configuration.TLS = switch location.tls {
            case .disable: .disable
            case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            configuration = .init(
                host: location.host, port: location.port, username: location.user, password: password,
                database: location.database, tls: tls
            )
        }
        configuration.options.connectTimeout = .seconds(10)
        return try Self.wait(PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1, logger: logger))
    }

    /// `sql` with its `?` placeholders numbered as PostgreSQL wants them (`$1`, `$2`, …); the store's
    /// statements hold no `?` inside a string literal.
    func numbered(_ sql: String) -> String {
        if let known = rewritten.withLockedValue({ $0[sql] }) { return known }
        var text = ""
        var count = 0
        var quoted = false
        for character in sql {
            if character == "'" { quoted.toggle() }
            if character == "?", !quoted {
                count += 1
                text += "$\(count)"
            } else {
                text.append(character)
            }
        }
        rewritten.withLockedValue { $0[sql] = text }
        return text
    }

    func run(_ sql: String, _ arguments: [StoreValue], on connection: PostgresConnection) throws -> PostgresQueryResult {
        var binds = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .null: binds.appendNull()
            case let .integer(number): binds.append(number)
            case let .text(string): binds.append(string)
            case let .texts(strings): binds.append(strings)
            }
        }
        let query = PostgresQuery(unsafeSQL: arguments.isEmpty ? sql : numbered(sql), binds: binds)
        return try Self.wait(connection.query(query, logger: logger))
    }

    /// Waits for `future`, turning postgres-nio's errors into what the server or the network said.
    static func wait<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        do {
            return try future.wait()
        } catch let error as PSQLError {
            throw PostgresFailure(error)
        }
    }
}

/// A transaction on the PostgreSQL store.
final class PostgresSession: StoreSession {
    let connection: PostgresConnection
    let engine: PostgresEngine
    private(set) var changedRows = 0

    init(connection: PostgresConnection, engine: PostgresEngine) {
        self.connection = connection
        self.engine = engine
    }

    var dialect: StoreDialect { .postgres }

    @discardableResult
    func execute(_ sql: String, _ arguments: [StoreValue]) throws -> Int {
        let result = try engine.run(sql, arguments, on: connection)
        let changed = switch result.metadata.command {
        case "INSERT", "UPDATE", "DELETE": result.metadata.rows ?? 0
        default: 0
        }
        changedRows += changed
        return changed
    }

    func query(_ sql: String, _ arguments: [StoreValue], _ body: (any StoreRow) throws -> Void) throws {
        for row in try engine.run(sql, arguments, on: connection).rows {
            try body(PostgresStoreRow(cells: row.makeRandomAccess()))
        }
    }
}

struct PostgresStoreRow: StoreRow {
    let cells: PostgresRandomAccessRow

    func integer(_ column: Int) throws -> Int64? {
        let cell = cells[column]
        return cell.bytes == nil ? nil : try cell.decode(Int64.self)
    }

    func text(_ column: Int) throws -> String? {
        let cell = cells[column]
        return cell.bytes == nil ? nil : try cell.decode(String.self)
    }
}

/// What PostgreSQL or the connection said, in words (postgres-nio's own description is deliberately vague).
struct PostgresFailure: Error, CustomStringConvertible {
    let description: String

    init(_ error: PSQLError) {
        if let server = error.serverInfo {
            var text = [server[.severity], server[.sqlState]].compactMap { $0 }.joined(separator: " ")
            text += ": " + (server[.message] ?? "no message")
            if let detail = server[.detail] { text += " (\(detail))" }
            description = text
        } else if let underlying = error.underlying {
            description = "\(error.code): \(underlying)"
        } else {
            description = "\(error.code)"
        }
    }
}
