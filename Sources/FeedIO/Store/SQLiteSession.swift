import GRDB

/// A transaction on the embedded SQLite store, through GRDB: statements are prepared once per connection
/// and kept (`cachedStatement`), so a pass that writes thousands of rows compiles each statement once.
struct SQLiteSession: StoreSession {
    let db: Database
    let changesAtStart: Int

    init(db: Database) {
        self.db = db
        changesAtStart = db.totalChangesCount
    }

    var dialect: StoreDialect { .sqlite }

    var changedRows: Int { db.totalChangesCount - changesAtStart }

    @discardableResult
    func execute(_ sql: String, _ arguments: [StoreValue]) throws -> Int {
        try db.cachedStatement(sql: sql).execute(arguments: try Self.arguments(arguments))
        return db.changesCount
    }

    func query(_ sql: String, _ arguments: [StoreValue], _ body: (any StoreRow) throws -> Void) throws {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: try Self.arguments(arguments))
        while let row = try rows.next() { try body(SQLiteRow(row: row)) }
    }

    static func arguments(_ values: [StoreValue]) throws -> StatementArguments {
        StatementArguments(try values.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case .null: nil
            case let .integer(number): number
            case let .text(string): string
            case .texts: throw StoreRowError.unexpectedType(column: 0, expected: "a value SQLite can bind (not a list)")
            }
        })
    }
}

/// A row of a GRDB cursor, valid while the cursor is on it; values decoded straight off the statement.
struct SQLiteRow: StoreRow {
    let row: Row

    func integer(_ column: Int) throws -> Int64? {
        row.hasNull(atIndex: column) ? nil : try row.decode(Int64.self, atIndex: column)
    }

    func text(_ column: Int) throws -> String? {
        row.hasNull(atIndex: column) ? nil : try row.decode(String.self, atIndex: column)
    }
}
