import FeedCore
import FeeddTestSupport
import Foundation
import Synchronization
import Testing

/// WebSub publishing with the real binary and a hub played by a loopback HTTP server.
@Suite(.serialized) struct WebSubEndToEndTests {
    static func config(hub: String, extra: String = "") -> String {
        """
        [feed]
        title = "Hubbed feed"
        tag_authority = "test.example,2026"
        base_url = "https://feeds.test.example/planet/"
        site_url = "https://test.example/"
        websub_hubs = ["\(hub)"]
        \(extra)
        [paths]
        seeds = "../seeds"
        output = "../public"
        state = "../state"
        """
    }

    static let topics = ["atom.xml", "rss.xml", "feed.json"].map { "https://feeds.test.example/planet/" + $0 }

    /// The topics the hub was told of, in request order.
    static func pinged(_ hub: TestHTTPServer) -> [String] {
        hub.requests.filter { $0.method == "POST" }.compactMap { request in
            let fields = Dictionary(uniqueKeysWithValues: request.bodyText.split(separator: "&").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                return (parts[0], parts.count > 1 ? parts[1] : "")
            })
            return fields["hub.mode"] == "publish" ? fields["hub.url"] : nil
        }
    }

    @Test func hubsAreNamedInEveryFeedAndToldOfEachChangeOnlyThen() throws {
        let hub = try TestHTTPServer { _ in .respond(status: 204) }
        defer { hub.shutdown() }
        let ws = OnceEndToEndTests.Workspace(config: Self.config(hub: hub.baseURL + "/hub"))
        ws.seed("000_aaaaaaaaaaaaaaaa.txt", OnceEndToEndTests.french)
        let first = try ws.once()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(Set(Self.pinged(hub)) == Set(Self.topics), "\(first.stderr)")
        #expect(hub.requests.allSatisfy { $0.header("content-type") == "application/x-www-form-urlencoded" && $0.path == "/hub" })
        #expect(first.stderr.contains("OK (WEBSUB)"))

        // Advertised where each format says: Atom link, RSS atom:link, JSON Feed hubs.
        let atom = String(decoding: try ws.bytes("atom.xml"), as: UTF8.self)
        #expect(atom.contains("<link rel=\"hub\" href=\"\(hub.baseURL)/hub\"/>"), "\(atom.prefix(800))")
        let rss = String(decoding: try ws.bytes("rss.xml"), as: UTF8.self)
        #expect(rss.contains("<atom:link rel=\"hub\" href=\"\(hub.baseURL)/hub\"/>"))
        let json = try JSONSerialization.jsonObject(with: Data(try ws.bytes("feed.json"))) as? [String: Any]
        #expect((json?["hubs"] as? [[String: String]]) == [["type": "WebSub", "url": hub.baseURL + "/hub"]])

        // Nothing changed: no ping.
        let before = hub.requests.count
        #expect(try ws.once().status == 0)
        #expect(hub.requests.count == before)

        // A change: pinged again, for the changed feeds.
        ws.seed("001_bbbbbbbbbbbbbbbb.txt", OnceEndToEndTests.french.replacingOccurrences(of: "Brest", with: "Lorient"))
        #expect(try ws.once().status == 0)
        #expect(Set(Self.pinged(hub).dropFirst(3)) == Set(Self.topics))
    }

    @Test func aFailingHubIsRetriedThenGivenUpWithoutFailingThePass() throws {
        let calls = Mutex([String: Int]())
        // Fails twice for each feed, then accepts: each gets there on its third try.
        let hub = try TestHTTPServer { request in
            let n = calls.withLock { $0[request.bodyText, default: 0] += 1; return $0[request.bodyText]! }
            return n == 3 ? .respond(status: 202) : .respond(status: 503, body: Array("busy".utf8))
        }
        defer { hub.shutdown() }
        let ws = OnceEndToEndTests.Workspace(config: Self.config(hub: hub.baseURL + "/hub"))
        ws.seed("000_aaaaaaaaaaaaaaaa.txt", OnceEndToEndTests.french)
        let started = Date()
        let run = try ws.once()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(hub.requests.count == 9, "three tries for each of three feeds")
        #expect(Date().timeIntervalSince(started) > 4.5, "waits of 1 s and 4 s between tries")
        #expect(Set(Self.pinged(hub)) == Set(Self.topics))
        #expect(!run.stderr.contains("FAIL (WEBSUB)"), "\(run.stderr)")

        // A hub that never accepts: the pass still succeeds and says so.
        let down = try TestHTTPServer { _ in .respond(status: 500) }
        defer { down.shutdown() }
        let other = OnceEndToEndTests.Workspace(config: Self.config(hub: down.baseURL + "/hub"))
        other.seed("000_aaaaaaaaaaaaaaaa.txt", OnceEndToEndTests.french)
        let failed = try other.once()
        #expect(failed.status == 0, "publishing worked; a hub's failure is logged, not the pass's")
        #expect(failed.stderr.contains("FAIL (WEBSUB) \(down.baseURL)/hub: HTTP 500"), "\(failed.stderr)")
        #expect(try other.bytes("atom.xml").count > 0)
    }

    @Test func withoutAPublicURLTheHubsAreNamedButNotPinged() throws {
        let hub = try TestHTTPServer { _ in .respond(status: 204) }
        defer { hub.shutdown() }
        let config = Self.config(hub: hub.baseURL + "/hub").replacingOccurrences(of: "base_url = \"https://feeds.test.example/planet/\"\n", with: "")
        let ws = OnceEndToEndTests.Workspace(config: config)
        ws.seed("000_aaaaaaaaaaaaaaaa.txt", OnceEndToEndTests.french)
        let run = try ws.once()
        #expect(run.status == 0)
        #expect(hub.requests.isEmpty)
        #expect(run.stderr.contains("feed.websub_hubs is set but feed.base_url is not"), "\(run.stderr)")
    }
}
