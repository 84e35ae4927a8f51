import FeedCore
import FeeddTestSupport
import Foundation
import Synchronization
import Testing

/// `feedd status` and `feedd status --json` from the real binary, over a store a real pass filled from a
/// real HTTP server on 127.0.0.1: the fields, and the exit status monitoring alerts on.
@Suite(.serialized) struct StatusEndToEndTests {
    static let feed = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Loopback news</title><id>urn:example:loop</id>
        <updated>2026-11-01T00:00:00Z</updated><link href="https://loop.example/"/>
        <entry><id>urn:example:loop:1</id><title>Bridge reopens</title><updated>2026-11-01T00:00:00Z</updated>
        <link href="https://loop.example/bridge"/><content type="html">Traffic flows again.</content></entry>
        <entry><id>urn:example:loop:2</id><title>Market moves</title><updated>2026-10-30T00:00:00Z</updated>
        <link href="https://loop.example/market"/><content type="html">Stalls move to the square.</content></entry>
        </feed>
        """.utf8)

    /// A configuration with two sources, `Good` and `Bad`, and a seeds directory with one article and one
    /// file that is rejected.
    struct Workspace {
        let dir = TemporaryDirectory()
        var config: String { dir.file("feedd.toml") }

        init(server: TestHTTPServer, badEnabled: Bool = true) throws {
            try FileManager.default.createDirectory(atPath: dir.file("seeds"), withIntermediateDirectories: true)
            dir.write("seeds/000_1111111111111111.txt", OnceEndToEndTests.english)
            dir.write("seeds/001_2222222222222222.txt", "")
            configure(server: server, badEnabled: badEnabled)
        }

        func configure(server: TestHTTPServer, badEnabled: Bool) {
            dir.write("feedd.toml", """
                [feed]
                tag_authority = "test.example,2026"
                [paths]
                seeds = "seeds"
                output = "out"
                state = "state"
                [[source]]
                name = "Good"
                url = "\(server.baseURL)/good.xml"
                [[source]]
                name = "Bad"
                url = "\(server.baseURL)/bad.xml"
                enabled = \(badEnabled)
                """)
        }

        func feedd(_ arguments: [String]) throws -> FeeddProcess.Result {
            try FeeddProcess.run(arguments + ["--config", config], in: dir.path)
        }

        /// `feedd status --json`, parsed; the result and the object.
        func statusJSON() throws -> (FeeddProcess.Result, [String: Any]) {
            let run = try feedd(["status", "--json"])
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            return (run, try #require(object, "not a JSON object: \(run.stdout)"))
        }
    }

    /// The object in `array` whose `key` is `value`.
    static func element(_ array: Any?, _ key: String, _ value: String) throws -> [String: Any] {
        let items = try #require(array as? [[String: Any]])
        return try #require(items.first { $0[key] as? String == value }, "no \(key) \(value) in \(items)")
    }

    static func date(_ value: Any?) -> Date? {
        (value as? String).flatMap { ISO8601DateFormatter().date(from: $0) }
    }

    /// `jq -e .` accepts the text (skipped where jq is not installed; CI installs it).
    static func jqAccepts(_ text: String, in dir: TemporaryDirectory) throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard path.split(separator: ":").contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/jq") }) else { return }
        dir.write("status.json", text)
        let jq = try ToolProcess.run("/usr/bin/env", ["jq", "-e", ".", dir.file("status.json")])
        #expect(jq.status == 0, "\(jq.output)")
    }

    @Test func aFailingSourceFailsTheStatusUntilItRecovers() throws {
        let badFails = Mutex(true)
        let server = try TestHTTPServer { request in
            if request.path == "/bad.xml" && badFails.withLock({ $0 }) { return .respond(status: 500, body: Array("down".utf8)) }
            return .respond(status: 200, headers: ["etag": "\"v1\"", "last-modified": "Sun, 01 Nov 2026 00:00:00 GMT"], body: Self.feed)
        }
        defer { server.shutdown() }
        let ws = try Workspace(server: server)
        let before = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let once = try ws.feedd(["--once"])
        let after = Date()
        #expect(once.status == 0, "\(once.stderr)")

        let (status, object) = try ws.statusJSON()
        #expect(status.status == 2, "\(status.stderr)")
        try Self.jqAccepts(status.stdout, in: ws.dir)
        #expect(object["version"] as? Int == 1)
        #expect(object["healthy"] as? Bool == false)
        #expect(Self.date(object["generated"]).map { $0 >= before } == true)
        let store = try #require(object["store"] as? [String: Any])
        #expect(store["exists"] as? Bool == true)
        #expect(store["path"] as? String == ws.dir.file("state/feedd.sqlite"))

        let articles = try #require(object["articles"] as? [String: Any])
        #expect(articles["directory"] as? String == ws.dir.file("seeds"))
        #expect(articles["entries"] as? Int == 1)
        #expect(articles["files"] as? Int == 2)
        let lastPass = try #require(Self.date(articles["last_pass"]), "\(articles)")
        #expect(lastPass >= before && lastPass <= after)
        let rejected = try Self.element(articles["rejected"], "file", "001_2222222222222222.txt")
        #expect((rejected["reason"] as? String)?.contains("empty") == true, "\(rejected)")
        #expect((articles["rejected"] as? [Any])?.count == 1)

        let good = try Self.element(object["sources"], "name", "Good")
        #expect(good["url"] as? String == "\(server.baseURL)/good.xml")
        #expect(good["state"] as? String == "ok")
        #expect(good["http_status"] as? Int == 200)
        #expect(good["validators"] as? [String: Bool] == ["etag": true, "last_modified": true])
        #expect(good["consecutive_failures"] as? Int == 0)
        #expect(good["entries"] as? Int == 2)
        #expect(good["last_error"] is NSNull)
        #expect(good["moved_to"] is NSNull)
        let fetched = try #require(Self.date(good["last_fetch"]))
        #expect(fetched >= before && fetched <= after)
        #expect(Self.date(good["last_success"]) == fetched)
        #expect(Self.date(good["next_poll"]).map { $0 > after } == true, "\(good)")

        let bad = try Self.element(object["sources"], "name", "Bad")
        #expect(bad["state"] as? String == "failing")
        #expect(bad["http_status"] as? Int == 500)
        #expect(bad["consecutive_failures"] as? Int == 1)
        #expect(bad["entries"] as? Int == 0)
        #expect(bad["last_success"] is NSNull)
        #expect(bad["validators"] as? [String: Bool] == ["etag": false, "last_modified": false])
        let error = try #require(bad["last_error"] as? [String: String], "\(bad)")
        #expect(error["stage"] == "FETCH")
        #expect(error["message"]?.contains("500") == true, "\(error)")
        #expect((object["other_sources"] as? [Any])?.isEmpty == true)

        // Text mode: the same exit status, the failing source named.
        let text = try ws.feedd(["status"])
        #expect(text.status == 2, "\(text.stderr)")
        #expect(text.stdout.contains("1 source failing or gone: Bad"), "\(text.stdout)")
        #expect(text.stdout.contains("articles: 1 entries from 2 files (1 rejected)"), "\(text.stdout)")
        #expect(text.stdout.contains("rejected: 001_2222222222222222.txt: "), "\(text.stdout)")

        // The source recovers: all is well again, the rejected file still listed.
        badFails.withLock { $0 = false }
        #expect(try ws.feedd(["--once", "--all"]).status == 0)
        let (healthy, recovered) = try ws.statusJSON()
        #expect(healthy.status == 0, "\(healthy.stdout)")
        #expect(recovered["healthy"] as? Bool == true)
        #expect(try Self.element(recovered["sources"], "name", "Bad")["state"] as? String == "ok")
        #expect(((recovered["articles"] as? [String: Any])?["rejected"] as? [Any])?.count == 1)
        #expect(try ws.feedd(["status"]).status == 0)
    }

    @Test func goneFailsAndDisabledDoesNot() throws {
        let server = try TestHTTPServer { request in
            request.path == "/bad.xml" ? .respond(status: 410) : .respond(status: 200, body: Self.feed)
        }
        defer { server.shutdown() }
        let ws = try Workspace(server: server)
        #expect(try ws.feedd(["--once"]).status == 0)
        let (status, object) = try ws.statusJSON()
        #expect(status.status == 2)
        let bad = try Self.element(object["sources"], "name", "Bad")
        #expect(bad["state"] as? String == "gone", "\(bad)")
        #expect(bad["http_status"] as? Int == 410)
        #expect(bad["next_poll"] is NSNull)
        #expect((bad["last_error"] as? [String: String])?["message"]?.contains("410") == true)

        // Disabled in the configuration, the gone source no longer counts.
        ws.configure(server: server, badEnabled: false)
        let (disabled, after) = try ws.statusJSON()
        #expect(disabled.status == 0, "\(disabled.stdout)")
        #expect(after["healthy"] as? Bool == true)
        #expect(try Self.element(after["sources"], "name", "Bad")["state"] as? String == "disabled")
        #expect(try ws.feedd(["status"]).status == 0)
    }

    @Test func withoutAStoreNothingIsFailingAndNothingIsCreated() throws {
        let server = try TestHTTPServer { _ in .respond(status: 500) }
        defer { server.shutdown() }
        let ws = try Workspace(server: server)
        let (status, object) = try ws.statusJSON()
        #expect(status.status == 0, "\(status.stderr)")
        try Self.jqAccepts(status.stdout, in: ws.dir)
        #expect(object["healthy"] as? Bool == true)
        #expect((object["store"] as? [String: Any])?["exists"] as? Bool == false)
        let articles = try #require(object["articles"] as? [String: Any])
        #expect(articles["last_pass"] is NSNull)
        #expect(articles["entries"] as? Int == 0)
        let good = try Self.element(object["sources"], "name", "Good")
        #expect(good["state"] as? String == "never_fetched")
        #expect(good["last_fetch"] is NSNull)
        #expect(good["http_status"] is NSNull)
        #expect(try Self.element(object["sources"], "name", "Bad")["state"] as? String == "never_fetched")
        let text = try ws.feedd(["status"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("no state yet at "), "\(text.stdout)")
        #expect(!FileManager.default.fileExists(atPath: ws.dir.file("state")))
        #expect(server.requests.isEmpty)
    }
}
