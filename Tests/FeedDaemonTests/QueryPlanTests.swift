import FeedCore
@testable import FeedDaemon
@testable import FeedIO
import FeeddTestSupport
import Foundation
import GRDB
import GRDBSQLite
import Logging
import Synchronization
import Testing

/// Every statement the hot paths send to SQLite (ingest, poll, publish, the daemon's scheduling, status),
/// recorded from a real run and checked with `EXPLAIN QUERY PLAN`: none reads a whole table or sorts one,
/// except the few that read every row by design, each named here with the reason. A new query that scans
/// fails this test until it gets an index (or a reason).
@Suite struct QueryPlanTests {
    /// Statements that read every row of a table on purpose: the cost is linear in the rows, and the rows are
    /// what the caller needs.
    static let wholeReads: [String: String] = [
        "SELECT name, size, mtime_ns, entry_id, error FROM article_file ORDER BY name":
            "the ingest compares the directory listing with every known file, once per pass that finds a change",
        "SELECT COUNT(*) FROM article_file":
            "status: how many files the store knows (a covering index, no row read)",
        """
        SELECT url, name, title, site_url, feed_id, feed_updated, etag, last_modified, permanent_url, gone, failures,
        next_poll, last_fetch, last_success, last_status, last_error_stage, last_error, hints FROM source ORDER BY name, url
        """:
            "status lists every source the store knows, configured or not",
        "SELECT id FROM article_text":
            "the article texts kept are those the outputs show (a few hundred at most), read once per publish",
    ]

    /// The plan lines of `sql`, as `EXPLAIN QUERY PLAN` gives them (parameters unbound).
    static func plan(_ sql: String, _ db: Database) throws -> [String] {
        let statement = try db.makeStatement(sql: "EXPLAIN QUERY PLAN " + sql)
        let unbound = Int(sqlite3_bind_parameter_count(statement.sqliteStatement))
        return try Row.fetchAll(statement, arguments: StatementArguments(Array(repeating: DatabaseValue.null, count: unbound)))
            .map { $0["detail"] }
    }

    /// Why `lines` is a problem for `sql`, or nil. A scan of a table (`SCAN entry`, not `SEARCH`) or a sort
    /// of every row (`USE TEMP B-TREE`) grows with the store; an index walk that stops at a LIMIT does not.
    /// A walk of a partial index (`partialIndexes`) reads only the rows it holds, a few by design.
    static func problem(_ sql: String, lines: [String], partialIndexes: Set<String> = []) -> String? {
        let tables = ["entry", "article_file", "source", "article_text"]
        for line in lines {
            for table in tables where line == "SCAN \(table)" || line.hasPrefix("SCAN \(table) ") {
                let stopsAtLimit = line.contains("USING INDEX") && sql.uppercased().contains("LIMIT")
                let index = line.components(separatedBy: " INDEX ").dropFirst().first?.split(separator: " ").first.map(String.init)
                let partial = index.map(partialIndexes.contains) ?? false
                if !stopsAtLimit && !partial { return "\(line): reads every row of \(table)" }
            }
            if line.hasPrefix("USE TEMP B-TREE"), !sql.contains("FROM meta") {
                return "\(line): sorts the rows instead of walking an index"
            }
        }
        return nil
    }

    static let article = """
        Un titre numéro %d

        Topline

        Le conseil municipal a voté le budget de la piscine, après un long débat sur les tarifs et les horaires.

        Source : https://example.org/2026/%d/
        """

    static func rss(_ count: Int, version: Int) -> [UInt8] {
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title><link>https://site.example/</link>"
        for i in 0..<count {
            xml += "<item><guid>https://site.example/\(i)</guid><title>Item \(i) v\(version)</title>"
            xml += "<link>https://site.example/\(i)</link><category>topic\(i % 3)</category>"
            // Every other item undated: the poller gives it an instant no other entry holds.
            if i % 2 == 0 { xml += "<pubDate>Mon, 02 Nov 2026 1\(i % 10):00:00 GMT</pubDate>" }
            xml += "<description>About item \(i), version \(version)</description></item>"
        }
        return Array((xml + "</channel></rss>").utf8)
    }

    @Test func everyHotPathQueryUsesAnIndex() async throws {
        let dir = TemporaryDirectory()
        let version = Mutex(1)
        let server = try TestHTTPServer { request in
            let v = version.withLock { $0 }
            if request.header("if-none-match") == "\"v\(v)\"" { return .respond(status: 304) }
            return .respond(status: 200, headers: ["etag": "\"v\(v)\""], body: Self.rss(request.path.hasSuffix("a") ? 12 : 5, version: v))
        }
        defer { server.shutdown() }
        try FileManager.default.createDirectory(atPath: dir.file("seeds"), withIntermediateDirectories: true)
        for i in 0..<30 {
            _ = FileManager.default.createFile(
                atPath: dir.file(String(format: "seeds/%03d_%016x.txt", i, i)), contents: Data(String(format: Self.article, i, i).utf8))
        }
        var configuration = Configuration.defaults(baseDirectory: dir.path)
        configuration.feed.tagAuthority = "test.example,2026"
        configuration.feed.maxEntries = 10
        configuration.feed.maxAgeDays = 30
        var topic = OutputSettings(name: "topic")
        topic.categories = ["topic1"]
        var one = OutputSettings(name: "one")
        one.sources = ["b"]
        configuration.outputs = [topic, one]
        let sources = [
            SourceSettings(name: "a", url: server.baseURL + "/a"), SourceSettings(name: "b", url: server.baseURL + "/b"),
        ]
        let store = try StateStore(directory: configuration.paths.state)
        let queue = try #require(store.queue)
        let statements = Mutex(Set<String>())
        queue.inDatabase { db in
            db.trace { event in
                guard case let .statement(statement) = event else { return }
                let sql = statement.sql.trimmingCharacters(in: .whitespacesAndNewlines)
                // Trigger bodies are reported as comments; schema work and transactions are not queries.
                let skipped = ["--", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "PRAGMA", "CREATE", "ALTER", "DROP"]
                guard !skipped.contains(where: { sql.uppercased().hasPrefix($0) }) else { return }
                statements.withLock { _ = $0.insert(sql) }
            }
        }
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let pipeline = Pipeline(configuration: configuration, sources: sources, store: store, logger: logger)
        let start = Date(timeIntervalSince1970: 1_800_000_000)

        // Cold, warm, then changes on every side: an edited, a removed and a new article; changed feeds.
        _ = try await pipeline.runOnce(now: start, pollAll: true)
        _ = try await pipeline.runOnce(now: start.addingTimeInterval(60), pollAll: true)
        _ = FileManager.default.createFile(atPath: dir.file("seeds/000_0000000000000000.txt"), contents: Data(String(format: Self.article, 99, 99).utf8))
        try FileManager.default.removeItem(atPath: dir.file("seeds/001_0000000000000001.txt"))
        _ = FileManager.default.createFile(atPath: dir.file("seeds/100_0000000000000100.txt"), contents: Data(String(format: Self.article, 100, 100).utf8))
        version.withLock { $0 = 2 }
        _ = try await pipeline.runOnce(now: start.addingTimeInterval(7_200), pollAll: false)
        // The daemon's scheduling and the status command.
        _ = try DaemonState.earliestPoll(sources: sources, store: store)
        _ = try StatusSnapshot.read(sources: sources, seeds: configuration.paths.seeds, store: store, storePath: store.path, now: start)

        let recorded = statements.withLock { $0 }
        #expect(recorded.count > 15, "the run should have sent the store's queries: \(recorded.sorted())")
        var failures: [String] = []
        try queue.inDatabase { db in
            db.trace(nil)
            let partial = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'"))
            #expect(partial.contains("article_file_rejected"))
            for sql in recorded.sorted() {
                let lines = try Self.plan(sql, db)
                if Self.wholeReads[sql] != nil { continue }
                if let problem = Self.problem(sql, lines: lines, partialIndexes: partial) {
                    failures.append("\(sql)\n    \(problem)\n    plan: \(lines.joined(separator: " | "))")
                }
            }
        }
        #expect(failures.isEmpty, "queries that grow with the store:\n\(failures.joined(separator: "\n"))")
        // Each reason names a statement the run really sent (a stale entry would hide nothing, and mislead).
        for sql in Self.wholeReads.keys {
            #expect(recorded.contains(sql), "no longer sent: \(sql)")
        }
    }

    @Test func theCheckSeesAScan() throws {
        // The rule itself: a scan of the entry table, and a sort of every row, are caught.
        #expect(Self.problem("SELECT * FROM entry WHERE title = ?", lines: ["SCAN entry"]) != nil)
        #expect(Self.problem("SELECT * FROM source ORDER BY name", lines: ["SCAN source", "USE TEMP B-TREE FOR ORDER BY"]) != nil)
        #expect(Self.problem("SELECT * FROM entry ORDER BY published DESC LIMIT ?", lines: ["SCAN entry USING INDEX entry_order"]) == nil)
        #expect(Self.problem("SELECT * FROM entry ORDER BY published DESC", lines: ["SCAN entry USING INDEX entry_order"]) != nil)
        let partialWalk = ["SCAN article_file USING INDEX article_file_rejected"]
        #expect(Self.problem("SELECT name FROM article_file WHERE error IS NOT NULL", lines: partialWalk, partialIndexes: ["article_file_rejected"]) == nil)
        #expect(Self.problem("SELECT name FROM article_file WHERE error IS NOT NULL", lines: partialWalk) != nil)
        #expect(Self.problem("SELECT * FROM entry WHERE source = ? AND id = ?", lines: ["SEARCH entry USING INDEX sqlite_autoindex_entry_1 (source=? AND id=?)"]) == nil)
    }
}
