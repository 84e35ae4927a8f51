/// One value bound to a statement: the store keeps integers and text only, the same on both engines.
public enum StoreValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)
    /// A list bound as one PostgreSQL array (`= ANY(?)`); SQLite has no arrays and refuses it.
    case texts([String])
}

/// A Swift value a statement can take as an argument.
public protocol StoreArgument {
    var storeValue: StoreValue { get }
}

extension String: StoreArgument {
    public var storeValue: StoreValue { .text(self) }
}

extension Int64: StoreArgument {
    public var storeValue: StoreValue { .integer(self) }
}

extension Int: StoreArgument {
    public var storeValue: StoreValue { .integer(Int64(self)) }
}

/// Stored as 0 or 1 (an INTEGER column on both engines).
extension Bool: StoreArgument {
    public var storeValue: StoreValue { .integer(self ? 1 : 0) }
}

extension Array: StoreArgument where Element == String {
    public var storeValue: StoreValue { .texts(self) }
}

extension Optional: StoreArgument where Wrapped: StoreArgument {
    public var storeValue: StoreValue { map(\.storeValue) ?? .null }
}

/// One row of a result, read by column position (the SQL names its columns in order).
protocol StoreRow {
    func integer(_ column: Int) throws -> Int64?
    func text(_ column: Int) throws -> String?
}

extension StoreRow {
    /// A NOT NULL column (a NULL is a broken store, reported as such).
    func integer(required column: Int) throws -> Int64 {
        guard let value = try integer(column) else { throw StoreRowError.unexpectedNull(column: column) }
        return value
    }

    func text(required column: Int) throws -> String {
        guard let value = try text(column) else { throw StoreRowError.unexpectedNull(column: column) }
        return value
    }
}

enum StoreRowError: Error, CustomStringConvertible {
    case unexpectedNull(column: Int)
    case unexpectedType(column: Int, expected: String)

    var description: String {
        switch self {
        case let .unexpectedNull(column): "column \(column) is NULL where a value is required"
        case let .unexpectedType(column, expected): "column \(column) does not hold \(expected)"
        }
    }
}

/// The SQL engine a transaction runs on, for the few statements written differently on each.
public enum StoreDialect: Sendable {
    case sqlite
    case postgres
}

/// One open transaction of an engine: statements with `?` placeholders, run in order. The store's queries
/// (`StoreTransaction`) are written once, in the SQL both engines share.
protocol StoreSession {
    var dialect: StoreDialect { get }
    /// Rows inserted, updated or deleted by this transaction's statements so far (triggers not counted).
    var changedRows: Int { get }
    /// Runs a statement that returns no rows; returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [StoreValue]) throws -> Int
    /// Runs a query, handing each row to `body` in order.
    func query(_ sql: String, _ arguments: [StoreValue], _ body: (any StoreRow) throws -> Void) throws
}

extension StoreSession {
    @discardableResult
    func execute(_ sql: String, _ arguments: [any StoreArgument] = []) throws -> Int {
        try execute(sql, arguments.map(\.storeValue))
    }

    func all<T>(_ sql: String, _ arguments: [any StoreArgument] = [], _ map: (any StoreRow) throws -> T) throws -> [T] {
        var values: [T] = []
        try query(sql, arguments.map(\.storeValue)) { values.append(try map($0)) }
        return values
    }

    func first<T>(_ sql: String, _ arguments: [any StoreArgument] = [], _ map: (any StoreRow) throws -> T) throws -> T? {
        var value: T?
        try query(sql, arguments.map(\.storeValue)) { row in
            if value == nil { value = try map(row) }
        }
        return value
    }

    /// The first column of the first row as an integer; nil for no row or NULL.
    func integer(_ sql: String, _ arguments: [any StoreArgument] = []) throws -> Int64? {
        try first(sql, arguments) { try $0.integer(0) } ?? nil
    }

    func text(_ sql: String, _ arguments: [any StoreArgument] = []) throws -> String? {
        try first(sql, arguments) { try $0.text(0) } ?? nil
    }
}
