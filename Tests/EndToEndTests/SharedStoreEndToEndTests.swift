import FeedCore
import FeedIO
import FeeddTestSupport
import Foundation
import Synchronization
import Testing

/// The real `feedd` binary on a PostgreSQL store (a throwaway server on 127.0.0.1): the same run gives the
/// same entries as on SQLite, two instances at once poll each source once, status reads it, and a bad
/// `[store]` setting is refused without echoing a secret.
@Suite struct SharedStoreEndToEndTests {
    static let article = """
        Un titre d'article numéro %d
        Topline
        Un court paragraphe qui résume l'article %d.
        Faits marquants
        Un second paragraphe, plus long, avec des détails sur le sujet %d.
        Source : https://news.test.example/articles/%d
        """

    static func rss(_ n: Int) -> [UInt8] {
        Array("""
            <?xml version="1.0"?><rss version="2.0"><channel><title>Feed \(n)</title><link>https://site.example/\(n)</link>\
            <item><guid>https://site.example/\(n)/1</guid><title>Item \(n)</title><link>https://site.example/\(n)/1</link>\
            <description>&lt;p&gt;Body \(n)&lt;/p&gt;</description>\
            <pubDate>Mon, 02 Nov 2026 10:\(String(format: "%02d", n % 60)):00 GMT</pubDate></item></channel></rss>
            """.utf8)
    }

    /// A directory with seeds, a config on `store` (a `[store]` table, or none) and `count` sources.
    static func workspace(_ dir: TemporaryDirectory, name: String, store: String, server: TestHTTPServer, count: Int) -> String {
        try! FileManager.default.createDirectory(atPath: dir.file("\(name)/seeds"), withIntermediateDirectories: true)
        for n in 0..<5 { dir.write("\(name)/seeds/00\(n)_000000000000000\(n).txt", String(format: article, n, n, n, n)) }
        var config = """
            [feed]
            title = "Shared"
            tag_authority = "test.example,2026"
            base_url = "https://feeds.test.example/"
            [paths]
            seeds = "seeds"
            output = "public"
            state = "state"
            \(store)

            """
        for n in 0..<count { config += "[[source]]\nname = \"s\(n)\"\nurl = \"\(server.baseURL)/feed/\(n)\"\n" }
        dir.write("\(name)/feedd.toml", config)
        return dir.file("\(name)/feedd.toml")
    }

    static func server() throws -> TestHTTPServer {
        try TestHTTPServer { request in
            let n = Int(request.path.split(separator: "/").last ?? "") ?? 0
            return .respond(status: 200, headers: ["content-type": "application/rss+xml"], body: rss(n), delay: 0.01)
        }
    }

    @Test func onceOnPostgreSQLPublishesWhatSQLiteDoesAndStatusReadsIt() throws {
        let cluster = try PostgresCluster.shared()
        let database = try cluster.createDatabase()
        let server = try Self.server()
        defer { server.shutdown() }
        let dir = TemporaryDirectory()
        let sqlite = Self.workspace(dir, name: "sqlite", store: "", server: server, count: 10)
        let postgres = Self.workspace(dir, name: "pg", store: "[store]\nurl = \"\(cluster.url(database))\"", server: server, count: 10)
        for config in [sqlite, postgres] {
            let run = try FeeddProcess.run(["--once", "--config", config], in: dir.path)
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.file("pg/state/feedd.sqlite")), "the PostgreSQL run keeps no SQLite store")
        let a = try FeedReadBack.atom(Array(try Data(contentsOf: URL(fileURLWithPath: dir.file("sqlite/public/atom.xml")))))
        let b = try FeedReadBack.atom(Array(try Data(contentsOf: URL(fileURLWithPath: dir.file("pg/public/atom.xml")))))
        #expect(b.entries.count == 15)
        #expect(b.entries.map(\.id) == a.entries.map(\.id), "same ids, same order")
        #expect(b.entries.map(\.title) == a.entries.map(\.title))
        #expect(b.entries.map(\.content) == a.entries.map(\.content))
        #expect(try cluster.psql(database, "SELECT COUNT(*) FROM entry") == "15\n")

        let status = try FeeddProcess.run(["status", "--config", postgres], in: dir.path)
        #expect(status.status == 0, "\(status.stdout)\(status.stderr)")
        #expect(status.stdout.contains("postgresql://feedd@127.0.0.1:\(cluster.port)/\(database)"), "\(status.stdout)")
        #expect(status.stdout.contains("s9"), "\(status.stdout)")
    }

    @Test func twoOnceRunsAtOncePollEachSourceOnce() throws {
        let cluster = try PostgresCluster.shared()
        let database = try cluster.createDatabase()
        let server = try Self.server()
        defer { server.shutdown() }
        let dir = TemporaryDirectory()
        let store = "[store]\nurl = \"\(cluster.url(database))\""
        let configs = ["one", "two"].map { Self.workspace(dir, name: $0, store: store, server: server, count: 120) }
        let results = Mutex<[FeeddProcess.Result]>([])
        let root = dir.path
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let run = try? FeeddProcess.run(["--once", "--config", configs[i]], in: root)
            results.withLock { $0.append(run ?? FeeddProcess.Result(status: -1, stdout: "", stderr: "timed out")) }
        }
        for run in results.withLock({ $0 }) { #expect(run.status == 0, "\(run.stderr)") }
        let paths = server.requests.map(\.path)
        #expect(paths.count == 120 && Set(paths).count == 120, "each source once: \(paths.count) requests")
        #expect(try cluster.psql(database, "SELECT COUNT(*) FROM source WHERE last_success IS NOT NULL AND lease_owner IS NULL") == "120\n")
    }

    @Test func aPasswordInTheURLOrABadURLIsRefusedWithoutEchoingIt() throws {
        let dir = TemporaryDirectory()
        let cases = [
            ("postgresql://feedd:s3cret-value@db.example/feedd", "password"),
            ("mysql://feedd@db.example/feedd", "postgresql://"),
            ("postgresql://feedd@db.example/", "database"),
            ("postgresql://feedd@db.example/feedd?sslmode=sometimes", "sslmode"),
        ]
        for (url, expected) in cases {
            dir.write("feedd.toml", "[store]\nurl = \"\(url)\"\n")
            let check = try FeeddProcess.run(["check", "--config", dir.file("feedd.toml")], in: dir.path)
            #expect(check.status != 0)
            #expect(check.stderr.contains("store.url") && check.stderr.contains(expected), "\(check.stderr)")
            #expect(!check.stderr.contains("s3cret-value") && !check.stdout.contains("s3cret-value"))
        }
    }

    @Test func anUnreachableServerIsAClearErrorNamingTheStore() throws {
        let dir = TemporaryDirectory()
        let port = try PostgresCluster.freePort()
        dir.write("pw", "hunter2-secret\n")
        dir.write("feedd.toml", "[store]\nurl = \"postgresql://feedd@127.0.0.1:\(port)/feedd?sslmode=disable\"\npassword_file = \"pw\"\n")
        let run = try FeeddProcess.run(["--once", "--config", dir.file("feedd.toml")], in: dir.path)
        #expect(run.status != 0)
        #expect(run.stderr.contains("postgresql://feedd@127.0.0.1:\(port)/feedd"), "\(run.stderr)")
        #expect(!run.stderr.contains("hunter2"))
    }
}

