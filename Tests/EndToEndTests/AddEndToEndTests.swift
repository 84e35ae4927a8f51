import FeedCore
import FeeddTestSupport
import Foundation
import Testing

/// `feedd add` against a loopback site: a page naming its feeds, a page naming none, a feed URL itself.
@Suite(.serialized) struct AddEndToEndTests {
    static let atom = Array("""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Site News</title><id>urn:site:news</id>
        <updated>2026-11-01T00:00:00Z</updated><link href="https://site.example/"/>
        <entry><id>urn:site:1</id><title>Harbour opens</title><updated>2026-11-01T00:00:00Z</updated></entry></feed>
        """.utf8)
    static let rss = Array("""
        <rss version="2.0"><channel><title>Site Comments</title><link>https://site.example/</link>
        <item><title>A comment</title><guid>c1</guid></item></channel></rss>
        """.utf8)

    func workspace(subscriptions: Bool = true) -> TemporaryDirectory {
        let dir = TemporaryDirectory()
        try? FileManager.default.createDirectory(atPath: dir.file("seeds"), withIntermediateDirectories: true)
        dir.write("feedd.toml", """
            [feed]
            tag_authority = "test.example,2026"
            [paths]
            seeds = "seeds"
            output = "out"
            state = "state"
            \(subscriptions ? "[polling]\nsubscriptions = \"subscriptions.opml\"" : "")
            """)
        return dir
    }

    @Test func aPageIsReadForItsFeedsAndTheFirstIsSubscribed() throws {
        let server = try TestHTTPServer { request in
            switch request.path {
            case "/": .respond(status: 200, headers: ["content-type": "text/html"], body: Array("""
                <html><head><base href="/blog/"><title>Site</title>
                <link rel="alternate" type="application/atom+xml" title="News" href="news.atom">
                <link rel="alternate" type="application/rss+xml" title="Comments" href="/comments.rss">
                <link rel="alternate" type="application/rss+xml" title="Gone" href="/missing.rss">
                </head><body>Hello</body></html>
                """.utf8))
            case "/blog/news.atom": .respond(status: 200, body: Self.atom)
            case "/comments.rss": .respond(status: 200, body: Self.rss)
            default: .respond(status: 404)
            }
        }
        defer { server.shutdown() }
        let dir = workspace()
        let config = dir.file("feedd.toml")
        let add = try FeeddProcess.run(["add", server.baseURL + "/", "--category", "local", "--config", config], in: dir.path)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("1. Site News  [atom1.0]  \(server.baseURL)/blog/news.atom"), "\(add.stdout)")
        #expect(add.stdout.contains("2. Site Comments  [rss2.0]  \(server.baseURL)/comments.rss"))
        #expect(add.stdout.contains("\(server.baseURL)/missing.rss: HTTP 404"), "a named link that is no feed is shown")
        let opml = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir.file("subscriptions.opml"))), as: UTF8.self)
        #expect(opml.contains("xmlUrl=\"\(server.baseURL)/blog/news.atom\""), "\(opml)")
        #expect(opml.contains("text=\"Site News\"") && opml.contains("category=\"local\""))

        let again = try FeeddProcess.run(["add", server.baseURL + "/blog/news.atom", "--config", config], in: dir.path)
        #expect(again.status == 65, "a duplicate is refused")
        #expect(again.stderr.contains("already subscribed"), "\(again.stderr)")

        let second = try FeeddProcess.run(["add", server.baseURL + "/", "--pick", "2", "--name", "Comments", "--config", config], in: dir.path)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("added \"Comments\" \(server.baseURL)/comments.rss"))

        // The next pass polls what was added.
        let once = try FeeddProcess.run(["--once", "--config", config], in: dir.path)
        #expect(once.status == 0 && once.stderr.contains("2 fetched"), "\(once.stderr)")
        let atom = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir.file("out/atom.xml"))), as: UTF8.self)
        #expect(atom.contains("Harbour opens") && atom.contains("A comment"))

        let inspect = try FeeddProcess.run(["inspect", server.baseURL + "/"], in: dir.path)
        #expect(inspect.status == 0, "\(inspect.stderr)")
        #expect(inspect.stdout.contains("is a web page, not a feed; it advertises 3 feed(s)"), "\(inspect.stdout)")
        let json = try FeeddProcess.run(["inspect", "--json", server.baseURL + "/"], in: dir.path)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["feeds"] as? [[String: Any]])?.count == 3)
    }

    @Test func aPageNamingNoFeedIsTriedAtTheUsualPaths() throws {
        let server = try TestHTTPServer { request in
            switch request.path {
            case "/": .respond(status: 200, headers: ["content-type": "text/html"], body: Array("<html><body>No head links</body></html>".utf8))
            case "/index.xml": .respond(status: 200, body: Self.rss)
            default: .respond(status: 404)
            }
        }
        defer { server.shutdown() }
        let dir = workspace()
        let add = try FeeddProcess.run(["add", server.baseURL + "/", "--config", dir.file("feedd.toml")], in: dir.path)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("1. Site Comments  [rss2.0]  \(server.baseURL)/index.xml  (a usual path)"), "\(add.stdout)")
        let tried = Set(server.requests.map(\.path))
        #expect(tried.isSuperset(of: ["/feed", "/rss.xml", "/atom.xml", "/index.xml", "/feed.json"]))
    }

    @Test func nothingFoundOrNoSubscriptionsFileAreClearErrors() throws {
        let server = try TestHTTPServer { request in
            request.path == "/feed.xml" ? .respond(status: 200, body: Self.atom)
                : .respond(status: 200, headers: ["content-type": "text/html"], body: Array("<p>plain</p>".utf8))
        }
        defer { server.shutdown() }
        let dir = workspace()
        let none = try FeeddProcess.run(["add", server.baseURL + "/about", "--config", dir.file("feedd.toml")], in: dir.path)
        // Every usual path answers the same HTML page here: nothing is a feed.
        #expect(none.status == 65)
        #expect(none.stderr.contains("no feed found"), "\(none.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("subscriptions.opml")), "nothing written")

        let unset = workspace(subscriptions: false)
        let refused = try FeeddProcess.run(["add", server.baseURL + "/feed.xml", "--config", unset.file("feedd.toml")], in: unset.path)
        #expect(refused.status == 78 && refused.stderr.contains("polling.subscriptions"), "\(refused.stderr)")

        let direct = try FeeddProcess.run(["add", server.baseURL + "/feed.xml", "--config", dir.file("feedd.toml")], in: dir.path)
        #expect(direct.status == 0 && direct.stdout.contains("(the URL itself)"), "\(direct.stdout)\(direct.stderr)")
        let bad = try FeeddProcess.run(["add", "ftp://x.example/feed", "--config", dir.file("feedd.toml")], in: dir.path)
        #expect(bad.status == 64)
    }
}
