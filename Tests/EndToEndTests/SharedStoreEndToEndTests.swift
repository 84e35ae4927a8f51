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

    /// Three daemons on one store and 1,000 loopback sources: every source polled, none twice but those in
    /// flight in a daemon killed with SIGKILL mid-pass (its claims lapse and the others take them), a new
    /// publisher within 10 s, and its outputs equal to a single instance's on the same inputs.
    @Test func threeDaemonsShareTheSourcesAndSurviveAKilledPublisher() throws {
        let cluster = try PostgresCluster.shared()
        let database = try cluster.createDatabase()
        let server = try TestHTTPServer { request in
            let n = Int(request.path.split(separator: "/").last ?? "") ?? 0
            return .respond(status: 200, headers: ["content-type": "application/rss+xml"], body: Self.rss(n), delay: 0.02)
        }
        defer { server.shutdown() }
        let dir = TemporaryDirectory()
        let count = 1_000
        var sources = ""
        for n in 0..<count { sources += "[[source]]\nname = \"s\(n)\"\nurl = \"\(server.baseURL)/feed/\(n)\"\n" }
        func config(_ name: String, store: String) -> String {
            try! FileManager.default.createDirectory(atPath: dir.file(name), withIntermediateDirectories: true)
            dir.write("\(name)/feedd.toml", """
                [feed]
                title = "Shared"
                tag_authority = "test.example,2026"
                base_url = "https://feeds.test.example/"
                [paths]
                seeds = ""
                output = "public"
                state = "state"
                [polling]
                interval_minutes = 60
                timeout_seconds = 2
                max_concurrent = 4
                \(store)

                """ + sources)
            return dir.file("\(name)/feedd.toml")
        }
        let store = "[store]\nurl = \"\(cluster.url(database))\""
        let first = try DaemonProcess(["--config", config("a", store: store)], in: dir.path)
        #expect(first.waitForLog("publisher: this instance now writes the outputs", timeout: 20), "\(first.output)")
        let others = try ["b", "c"].map { try DaemonProcess(["--config", config($0, store: store)], in: dir.path) }
        #expect(first.wait(timeout: 60) { server.requests.count >= 300 })
        first.signal(SIGKILL)
        let killed = Date()
        let takeover = others.first { $0.waitForLog("publisher: this instance now writes the outputs", timeout: 10) }
        let successor = try #require(takeover, "a new publisher within 10 s")
        #expect(Date().timeIntervalSince(killed) < 10.5)
        // The rest of the pass, and the killed daemon's claims after their lease (2 × 2 s + 30 s).
        let polledAll = successor.wait(timeout: 90) { Set<String>(server.requests.map { $0.path }).count == count }
        let polled = Set<String>(server.requests.map { $0.path }).count
        #expect(polledAll, "\(polled) of \(count) sources polled")
        // The killed daemon's unfinished claims lapse (its lease: 2 × 2 s + 30 s) and are polled by the
        // others; then every source is stored and every claim released.
        let stored = successor.wait(timeout: 60) {
            (try? cluster.psql(database, "SELECT COUNT(*) FROM source WHERE last_success IS NOT NULL AND lease_owner IS NULL")) == "\(count)\n"
        }
        #expect(stored, "every source stored as polled, no claim left")
        let paths = server.requests.map(\.path)
        let twice = Dictionary(grouping: paths, by: { $0 }).filter { $0.value.count > 1 }
        // In flight: `max_concurrent` fetches, and the one answer being stored when the signal came.
        #expect(twice.count <= 4 + 1, "only what the killed daemon had in flight is polled again: \(twice.keys.sorted())")
        #expect(twice.values.allSatisfy { $0.count == 2 })

        // A single instance (SQLite) on the same inputs publishes the same entries.
        let single = try FeeddProcess.run(["--once", "--config", config("single", store: "")], in: dir.path, timeout: 120)
        #expect(single.status == 0, "\(single.stderr)")
        let expected = try FeedReadBack.atom(Array(try Data(contentsOf: URL(fileURLWithPath: dir.file("single/public/atom.xml"))))).entries
        let name = others[0] === successor ? "b" : "c"
        let published = successor.wait(timeout: 20) {
            let data = try? Data(contentsOf: URL(fileURLWithPath: dir.file("\(name)/public/atom.xml")))
            return data.flatMap { try? FeedReadBack.atom(Array($0)).entries.map(\.id) } == expected.map(\.id)
        }
        #expect(published, "the new publisher's atom.xml holds the single instance's entries")
        for daemon in others { _ = daemon.terminate() }
    }

    /// `feedd store copy` SQLite → PostgreSQL → SQLite: the runs after each copy go on where the first left
    /// off (same entries, same dates, nothing new), and a copy into a store that holds rows is refused.
    @Test func storeCopyMovesAStoreBothWaysAndRefusesAStoreInUse() throws {
        let cluster = try PostgresCluster.shared()
        let database = try cluster.createDatabase()
        let server = try Self.server()
        defer { server.shutdown() }
        let dir = TemporaryDirectory()
        let sqlite = Self.workspace(dir, name: "w", store: "", server: server, count: 8)
        let first = try FeeddProcess.run(["--once", "--config", sqlite], in: dir.path)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: dir.file("w/public/atom.xml")))

        let url = cluster.url(database)
        let there = try FeeddProcess.run(["store", "copy", "--from", "sqlite:" + dir.file("w/state"), "--to", url], in: dir.path)
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout.contains("5 article_file") && there.stdout.contains("13 entry") && there.stdout.contains("8 source"), "\(there.stdout)")
        #expect(try cluster.psql(database, "SELECT COUNT(*) FROM entry") == "13\n")

        // The same workspace on the copy: nothing new, the outputs as they were, byte for byte.
        let onPostgres = Self.workspace(dir, name: "w", store: "[store]\nurl = \"\(url)\"", server: server, count: 8)
        let second = try FeeddProcess.run(["--once", "--config", onPostgres], in: dir.path)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("w/public/atom.xml"))) == before)

        // Back into a new SQLite store, which a run then uses as the first.
        let back = try FeeddProcess.run(["store", "copy", "--from", url, "--to", "sqlite:" + dir.file("back")], in: dir.path)
        #expect(back.status == 0, "\(back.stderr)")
        let refused = try FeeddProcess.run(["store", "copy", "--from", url, "--to", "sqlite:" + dir.file("back/feedd.sqlite")], in: dir.path)
        #expect(refused.status != 0 && refused.stderr.contains("holds rows already"), "\(refused.stderr)")
        let status = try FeeddProcess.run(["status", "--json", "--config", sqlite, "--state", dir.file("back")], in: dir.path)
        #expect(status.status == 0, "\(status.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        let sources = object?["sources"] as? [[String: Any]] ?? []
        #expect(sources.count == 8 && sources.allSatisfy { $0["state"] as? String == "ok" && $0["entries"] as? Int == 1 })
        #expect((object?["articles"] as? [String: Any])?["entries"] as? Int == 5)
    }
}

