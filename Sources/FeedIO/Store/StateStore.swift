import FeedCore
import Foundation
import GRDB
import GRDBSQLite

/// The store: article files seen, every entry published or merged, the polled sources. Kept in SQLite in
/// the state directory (the default), or in a PostgreSQL database that several instances share; the same
/// operations (`StoreTransaction`) run on both.
///
/// Dates are stored as whole seconds since the epoch, so a value read back equals the one written.
public final class StateStore: Sendable {
    /// The source name under which articles from the seeds directory are stored.
    public static let articlesSource = "articles"
    /// The database file inside the state directory.
    public static let fileName = "feedd.sqlite"
    /// The `meta` key of the seeds directory's digest as the article_file rows last matched it (dropped by a
    /// trigger whenever a row changes).
    public static let articlesScanKey = "articles_scan"
    /// The `meta` key of the fingerprint of the settings the article rows were made with (the size cap).
    public static let articlesSettingsKey = "articles_settings"
    /// The `meta` key of the time of the last ingest pass that took in a change of the seeds directory,
    /// recorded with the digest (a pass that finds nothing new writes nothing, this included).
    public static let articlesPassKey = "articles_pass"

    /// The database file, or the PostgreSQL URL without its password: what errors and status name.
    public let path: String
    let engine: Engine
    /// Which engine the store runs on.
    public var dialect: StoreDialect {
        switch engine {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }

    enum Engine: Sendable {
        case sqlite(DatabaseQueue)
        case postgres(PostgresEngine)
    }

    /// The SQLite queue (the query-plan tests trace it); nil on PostgreSQL.
    var queue: DatabaseQueue? {
        if case let .sqlite(queue) = engine { return queue }
        return nil
    }
    /// The page size of a new store (an existing one keeps its own).
    static let pageSize = 8_192
    /// Free pages (8 KiB each) left in the file before they are given back: small drops are reused in place.
    static let freePagesKept = 512

    /// Opens (creating when needed) the store in `directory`, migrating it to the current schema.
    public init(directory: String) throws(StoreError) {
        do {
            try DirectoryScanner.createDirectory(directory)
        } catch {
            throw StoreError(path: directory, reason: error.description)
        }
        let path = FilePath.join(directory, Self.fileName)
        self.path = path
        try Self.refuseEmptyFile(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // Pages freed by letting go of article texts go back to the file system (`recordArticleBodies`).
            // Only a new file takes the setting (an older store reuses its free pages instead).
            // Set on an empty file alone: on an existing store even the same value rewrites its header.
            // 8 KiB pages: a polled entry's row is about 2 KiB, and 4 KiB pages left a third of the entry
            // table unused (measured on 15,000 entries: 60 MB, against 45 MB with 8 KiB pages).
            if try Int.fetchOne(db, sql: "PRAGMA page_count") == 0 {
                try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
            }
            // WAL is set here rather than with `journalMode = .wal`: GRDB's set-up for it creates and drops
            // a table whenever the -wal file is absent (a pool's need, not a queue's), so every open was a
            // schema change and four fsyncs. The mode is persistent: on an existing store this is a read.
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            guard mode == "wal" else { throw StoreError(path: path, reason: "cannot use WAL mode (journal_mode is \(mode ?? "unknown"))") }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Keep the -wal and -shm files when the store closes: otherwise every pass, even one that changes
            // nothing, creates and deletes both (two directory updates, journalled by the file system). The
            // size limit of 0 empties the kept WAL after its last checkpoint, so the next open has no stale
            // frames to read back.
            try db.execute(sql: "PRAGMA journal_size_limit = 0")
            var persist: Int32 = 1
            let code = sqlite3_file_control(db.sqliteConnection, nil, SQLITE_FCNTL_PERSIST_WAL, &persist)
            guard code == SQLITE_OK else { throw StoreError(path: path, reason: "cannot keep the WAL file (SQLite code \(code))") }
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try StoreSchema.migrator.migrate(queue)
            engine = .sqlite(queue)
        } catch {
            throw StoreError(path: path, reason: "\(error)")
        }
    }

    /// Opens the PostgreSQL store at `location`, applying the migrations it lacks (safe when several
    /// instances start at once). The password is used to connect and kept nowhere else.
    public init(postgres location: PostgresLocation, password: String?) throws(StoreError) {
        path = location.description
        do {
            engine = .postgres(try PostgresEngine(location: location, password: password))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(path: location.description, reason: "\(error)")
        }
    }

    /// Opens the store `choice` names: SQLite in `directory`, or PostgreSQL with its password read from
    /// `passwordFile`, else the environment's `FEEDD_STORE_PASSWORD`, else none.
    public convenience init(_ choice: StoreChoice, directory: String) throws(StoreError) {
        switch choice {
        case .sqlite:
            try self.init(directory: directory)
        case let .postgres(location, passwordFile):
            try self.init(postgres: location, password: try Self.password(file: passwordFile, for: location))
        }
    }

    static func password(file: String?, for location: PostgresLocation) throws(StoreError) -> String? {
        guard let file else { return ProcessInfo.processInfo.environment[PostgresLocation.passwordVariable] }
        let text: String
        do {
            text = String(decoding: try FileReader.read(file, limit: 4_096), as: UTF8.self)
        } catch {
            throw StoreError(path: location.description, reason: "cannot read the password file: \(error)")
        }
        // One line; the newline an editor adds is not part of it.
        return String(text.prefix { $0 != "\n" && $0 != "\r" })
    }

    /// Runs `body` in one transaction of the engine; any failure comes out as a `StoreError` naming the
    /// store (one that already is passes through as it is).
    private func transaction<T>(writing: Bool, _ body: (any StoreSession) throws -> T) throws(StoreError) -> T {
        do {
            switch engine {
            case let .sqlite(queue):
                return writing
                    ? try queue.write { db in try body(SQLiteSession(db: db)) }
                    : try queue.read { db in try body(SQLiteSession(db: db)) }
            case let .postgres(engine):
                return try engine.transaction(writing: writing) { session in try body(session) }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(path: path, reason: "\(error)")
        }
    }

    /// Throws when `path` exists with no byte in it and no write-ahead log beside it. SQLite would take such
    /// a file for a new database and feedd would start over without a word, resetting the first-seen date
    /// of every entry; a store is never empty once created (the WAL set-up writes its first page at once).
    static func refuseEmptyFile(_ path: String) throws(StoreError) {
        guard let status = FileStatus(path, followLinks: false), status.kind == .regular, status.size == 0 else { return }
        if let wal = FileStatus(path + "-wal", followLinks: false), wal.size > 0 { return }
        throw StoreError(path: path, reason: """
            the file is empty (0 bytes), not a store: it was truncated, or the very first start was \
            interrupted. Nothing was changed. Restore it from a backup; or, if this state directory is new, \
            delete the file (starting afresh gives every entry a new first-seen date)
            """)
    }

    /// Runs `body` in one write transaction; everything it does lands together or not at all.
    public func write<T>(_ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        try transaction(writing: true) { session in
            let tx = StoreTransaction(session: session)
            let result = try body(tx)
            if session.changedRows != 0 { try tx.advanceGeneration() }
            return result
        }
    }

    /// Runs `body` in one write transaction that does not move the generation: bookkeeping that changes
    /// nothing the outputs show (claims on sources, instance records).
    public func writeBookkeeping<T>(_ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        try transaction(writing: true) { session in try body(StoreTransaction(session: session)) }
    }

    /// Whether several instances may share this store (PostgreSQL): due sources are then claimed before
    /// they are polled.
    public var isShared: Bool { dialect == .postgres }

    /// Whether this instance may write the outputs: always with SQLite (one instance per store); with
    /// PostgreSQL, while it holds the publisher lock (taken here when no live instance holds it).
    public func holdsPublisherRole() -> Bool {
        switch engine {
        case .sqlite: true
        case let .postgres(engine): engine.holdsLock(PostgresSchema.publisherLock)
        }
    }

    /// When this store was opened: the instance's start, as `recordInstance` gives it.
    public let opened = Date()

    /// Records that this instance is alive (and whether it publishes, and what seeds directory it reads),
    /// and forgets instances unseen for a week. Bookkeeping: the generation stays.
    public func recordInstance(publisher: Bool, seeds: String?, now: Date) throws(StoreError) {
        let parts = instanceID.split(separator: ":")
        let record = InstanceRecord(
            id: instanceID, host: parts.dropLast(2).joined(separator: ":"), pid: Int(getpid()), started: opened, seen: now,
            publisher: publisher, seeds: seeds
        )
        try writeBookkeeping { tx in
            try tx.saveInstance(record)
            try tx.forgetInstances(seenBefore: now.addingTimeInterval(-7 * 86_400))
        }
    }

    /// Whether this instance may take in its seeds directory: always with SQLite; with PostgreSQL, while
    /// it holds the ingest lock. One seeds directory feeds a shared store: a second one would retract every
    /// article the first took in that it does not hold.
    public func holdsIngestRole() -> Bool {
        switch engine {
        case .sqlite: true
        case let .postgres(engine): engine.holdsLock(PostgresSchema.ingestLock)
        }
    }

    /// This process's name among the instances that share the store: host, process id and a random part
    /// (a restarted process on the same host is another instance).
    public let instanceID: String = {
        var name = [CChar](repeating: 0, count: 256)
        let host = gethostname(&name, name.count) == 0
            ? String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "localhost"
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return "\(host):\(getpid()):\(random)"
    }()

    /// Records bookkeeping values (`meta`) in one transaction, without moving the generation.
    public func recordMeta(_ values: KeyValuePairs<String, String>) throws(StoreError) {
        try writeBookkeeping { tx in
            for (key, value) in values { try tx.setMeta(key, value) }
        }
    }

    /// Keeps the bodies `EntryNormalizer.finish` made for entries about to be published, without moving the
    /// generation: the outputs are the same whether a body is finished now or at the next publish.
    public func recordFinishedBodies(_ finished: [StoredEntry]) throws(StoreError) {
        guard !finished.isEmpty else { return }
        try writeBookkeeping { tx in try tx.saveFinishedBodies(finished) }
    }

    /// Drops and restores article bodies (`StoredEntry.bodyDropped`) without moving the generation: what
    /// the outputs show is the same either way.
    public func recordArticleBodies(restored: [StoredEntry], dropped: [String]) throws(StoreError) {
        guard !restored.isEmpty || !dropped.isEmpty else { return }
        try writeBookkeeping { tx in
            try tx.restoreArticleBodies(restored)
            try tx.dropArticleBodies(ids: dropped)
        }
        do {
            // Give back the free pages once they add up (a first pass lets go of nearly every text at once).
            // PostgreSQL's autovacuum does the same for its tables.
            guard case let .sqlite(queue) = engine else { return }
            try queue.writeWithoutTransaction { db in
                if try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0 > Self.freePagesKept {
                    try db.execute(sql: "PRAGMA incremental_vacuum")
                }
            }
        } catch {
            throw StoreError(path: path, reason: "\(error)")
        }
    }

    /// `date` as a `meta` value: whole seconds since the epoch, as every date in the store.
    public static func metaValue(_ date: Date) -> String {
        String(StoreTransaction.seconds(date))
    }

    /// Frees SQLite's page cache (a long-running process calls this after a burst of work).
    public func releaseMemory() {
        guard case let .sqlite(queue) = engine else { return }
        try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA shrink_memory") }
    }

    /// Runs `body` against a consistent snapshot.
    public func read<T>(_ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        try transaction(writing: false) { session in try body(StoreTransaction(session: session)) }
    }
}

/// A failure of the state store, naming the database file.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "state store \(path): \(reason)" }
}
