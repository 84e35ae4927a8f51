import FeedCore
import FeedDaemon
import FeedIO
import FeeddTestSupport
import Foundation
import class GRDB.DatabaseQueue
import class GRDB.Row
import Logging
import Synchronization
import Testing

/// Polling against a real HTTP server on 127.0.0.1, with a real SQLite store.
@Suite(.serialized) struct SourcePollerTests {
    static func rss(_ items: [(id: String, title: String, link: String)], title: String = "Example") -> [UInt8] {
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(title)</title><link>https://site.example/</link>"
        for item in items {
            xml += "<item><guid>\(item.id)</guid><title>\(item.title)</title><link>\(item.link)</link>"
            xml += "<pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate><description>About \(item.title)</description></item>"
        }
        return Array((xml + "</channel></rss>").utf8)
    }

    static let twoItems = rss([
        ("https://site.example/a", "Alpha climate report", "https://site.example/a"),
        ("https://site.example/b", "Beta sponsored post", "https://site.example/b"),
    ])

    /// A store, a fetcher and a configuration around one temporary directory.
    struct Harness {
        let dir = TemporaryDirectory()
        var configuration: Configuration
        let store: StateStore
        let fetcher = HTTPFetcher(settings: FetcherSettings(userAgent: "feedd-test", connectTimeoutSeconds: 2, timeoutSeconds: 2, maxBodySize: 1 << 20))

        init() throws {
            configuration = Configuration.defaults(baseDirectory: dir.path)
            configuration.feed.tagAuthority = "test.example,2026"
            store = try StateStore(directory: configuration.paths.state)
        }

        func poll(_ sources: [SourceSettings], at seconds: TimeInterval, all: Bool = false) async throws -> PollReport {
            let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
            return try await SourcePoller(configuration: configuration, sources: sources, store: store, fetcher: fetcher,
                                          logger: logger, random: { 0.5 })
                .pollDue(now: Date(timeIntervalSince1970: seconds), all: all)
        }

        func record(_ url: String) throws -> SourceRecord? { try store.read { try $0.source(url: url) } }
        func entries(_ url: String) throws -> [Entry] {
            try store.read { try $0.visibleStoredEntries(limit: 100, notBefore: nil, sources: [url]) }
                .map { configuration.entryNormalizer.finish($0.entry, body: $0.pendingBody) }
        }
        func publish(_ sources: [SourceSettings], at seconds: TimeInterval) throws -> [Entry] {
            let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
            return try Publisher(configuration: configuration, sources: sources, store: store, logger: logger)
                .entries(now: Date(timeIntervalSince1970: seconds))
        }
    }

    func withServer(_ handler: @escaping TestHTTPServer.Handler, _ body: (TestHTTPServer, Harness) async throws -> Void) async throws {
        let server = try TestHTTPServer(handler: handler)
        let harness = try Harness()
        do { try await body(server, harness) } catch {
            await harness.fetcher.shutdown(); server.shutdown(); throw error
        }
        await harness.fetcher.shutdown()
        server.shutdown()
    }

    @Test func okThenNotModifiedCostsNoParsingAndKeepsEntries() async throws {
        try await withServer({ request in
            request.header("if-none-match") == "\"e1\"" ? .respond(status: 304) : .respond(status: 200, headers: ["etag": "\"e1\""], body: Self.twoItems)
        }) { server, h in
            let source = SourceSettings(name: "ex", url: server.baseURL + "/feed")
            let first = try await h.poll([source], at: 1_000)
            #expect(first.fetched == 1)
            #expect(first.added == 2)
            #expect(try h.record(source.url)?.etag == "\"e1\"")
            #expect(try h.record(source.url)?.nextPoll == Date(timeIntervalSince1970: 1_000 + 1_800))

            let early = try await h.poll([source], at: 1_100)
            #expect(early.skipped == 1, "not due yet: no request")
            #expect(server.requests.count == 1)

            let second = try await h.poll([source], at: 3_000)
            #expect(second.notModified == 1)
            #expect(second.added + second.updated == 0)
            #expect(server.requests.last?.header("if-none-match") == "\"e1\"")
            #expect(try h.entries(source.url).count == 2)
        }
    }

    @Test func unchangedDocumentWithoutValidatorsChangesNothing() async throws {
        try await withServer({ _ in .respond(status: 200, body: Self.twoItems) }) { server, h in
            let source = SourceSettings(name: "plain", url: server.baseURL + "/feed")
            _ = try await h.poll([source], at: 1_000)
            let before = try h.entries(source.url)
            let again = try await h.poll([source], at: 5_000, all: true)
            #expect(again.fetched == 1)
            #expect(again.added + again.updated == 0)
            #expect(try h.entries(source.url) == before)
        }
    }

    @Test func entriesWithoutDatesKeepTheirFirstSeenDate() async throws {
        let body = Array("<rss version=\"2.0\"><channel><title>t</title><item><title>Undated</title><link>https://u.example/1</link></item></channel></rss>".utf8)
        try await withServer({ _ in .respond(status: 200, body: body) }) { server, h in
            let source = SourceSettings(name: "undated", url: server.baseURL + "/feed")
            _ = try await h.poll([source], at: 1_000)
            _ = try await h.poll([source], at: 9_000, all: true)
            let entry = try #require(try h.entries(source.url).first)
            #expect(entry.published == Date(timeIntervalSince1970: 1_000))
            #expect(entry.updated == Date(timeIntervalSince1970: 1_000))
        }
    }

    @Test func undatedItemsOfOnePassGetSecondsOfTheirOwnInTheFeedsOrder() async throws {
        @Sendable func undated(_ name: String, _ count: Int) -> [UInt8] {
            let items = (1...count).map { "<item><title>\(name) \($0)</title><link>https://\(name).example/\($0)</link></item>" }
            return Array("<rss version=\"0.91\"><channel><title>\(name)</title>\(items.joined())</channel></rss>".utf8)
        }
        try await withServer({ request in .respond(status: 200, body: undated(String(request.path.dropFirst()), 3)) }) { server, h in
            let sources = ["a", "b"].map { SourceSettings(name: $0, url: server.baseURL + "/" + $0) }
            // An entry that already holds the pass's own second: nobody else gets it.
            try h.store.write { tx in
                try tx.saveEntry(StoredEntry(source: StateStore.articlesSource, origin: "000_a.txt", contentHash: "h",
                                             entry: Entry(id: "tag:a", title: "A", published: Date(timeIntervalSince1970: 1_000), updated: Date(timeIntervalSince1970: 1_000))))
            }
            _ = try await h.poll(sources, at: 1_000.7)
            var seen: Set<Date> = [Date(timeIntervalSince1970: 1_000)]
            for source in sources {
                let entries = try h.entries(source.url)
                // Newest first is the feed's own order; every instant is a whole second no other entry holds.
                #expect(entries.map(\.title) == (1...3).map { "\(source.name) \($0)" })
                for entry in entries {
                    #expect(entry.published == entry.updated)
                    #expect(abs(entry.updated.timeIntervalSince1970 - 1_000) <= 6, "dated about when first seen")
                    #expect(seen.insert(entry.updated).inserted, "\(entry.title) shares \(entry.updated)")
                }
            }
            // Seen again later, they keep those instants.
            let before = try sources.map { try h.entries($0.url) }
            _ = try await h.poll(sources, at: 9_000, all: true)
            #expect(try sources.map { try h.entries($0.url) } == before)
        }
    }

    @Test func permanentRedirectIsStoredAndUsedTemporaryIsNot() async throws {
        try await withServer({ request in
            switch request.path {
            case "/old": .respond(status: 301, headers: ["location": "/new"])
            case "/temp": .respond(status: 302, headers: ["location": "/new"])
            default: .respond(status: 200, body: Self.twoItems)
            }
        }) { server, h in
            let moved = SourceSettings(name: "moved", url: server.baseURL + "/old")
            let temp = SourceSettings(name: "temp", url: server.baseURL + "/temp")
            _ = try await h.poll([moved, temp], at: 1_000)
            #expect(try h.record(moved.url)?.permanentURL == server.baseURL + "/new")
            #expect(try h.record(temp.url)?.permanentURL == nil)
            _ = try await h.poll([moved], at: 5_000, all: true)
            #expect(server.requests.filter { $0.path == "/old" }.count == 1, "the stored permanent URL is used from then on")
        }
    }

    @Test func goneIsMarkedAndNeverPolledAgain() async throws {
        try await withServer({ _ in .respond(status: 410) }) { server, h in
            let source = SourceSettings(name: "gone", url: server.baseURL + "/feed")
            let report = try await h.poll([source], at: 1_000)
            #expect(report.failed == 1)
            #expect(try h.record(source.url)?.gone == true)
            _ = try await h.poll([source], at: 100_000, all: true)
            #expect(server.requests.count == 1)
        }
    }

    @Test func notFoundBacksOffThenRecovers() async throws {
        let healthy = Atomic<Bool>(false)
        try await withServer({ _ in
            healthy.load(ordering: .relaxed) ? .respond(status: 200, body: Self.twoItems) : .respond(status: 404)
        }) { server, h in
            let source = SourceSettings(name: "flaky", url: server.baseURL + "/feed")
            _ = try await h.poll([source], at: 1_000)
            var record = try #require(try h.record(source.url))
            #expect(record.failures == 1)
            #expect(record.lastStatus == 404)
            #expect(record.lastErrorStage == "FETCH")
            #expect(record.nextPoll == Date(timeIntervalSince1970: 1_000 + 300))
            _ = try await h.poll([source], at: 1_300)
            record = try #require(try h.record(source.url))
            #expect(record.failures == 2)
            #expect(record.nextPoll == Date(timeIntervalSince1970: 1_300 + 600))

            healthy.store(true, ordering: .relaxed)
            _ = try await h.poll([source], at: 2_000)
            record = try #require(try h.record(source.url))
            #expect(record.failures == 0)
            #expect(record.lastError == nil)
            #expect(try h.entries(source.url).count == 2)
        }
    }

    @Test func retryAfterIsHonouredInBothForms() async throws {
        try await withServer({ request in
            request.path == "/seconds"
                ? .respond(status: 429, headers: ["retry-after": "7200"])
                : .respond(status: 503, headers: ["retry-after": "Thu, 01 Jan 1970 05:00:00 GMT"])
        }) { server, h in
            let a = SourceSettings(name: "a", url: server.baseURL + "/seconds")
            let b = SourceSettings(name: "b", url: server.baseURL + "/date")
            _ = try await h.poll([a, b], at: 1_000)
            #expect(try h.record(a.url)?.nextPoll == Date(timeIntervalSince1970: 1_000 + 7_200))
            #expect(try h.record(b.url)?.nextPoll == Date(timeIntervalSince1970: 18_000))
            #expect(try h.record(b.url)?.lastStatus == 503)
        }
    }

    @Test func sourceThatTurnsIntoGarbageKeepsItsLastGoodEntries() async throws {
        let broken = Atomic<Bool>(false)
        try await withServer({ _ in
            broken.load(ordering: .relaxed)
                ? .respond(status: 200, headers: ["content-type": "text/html"], body: Array("<html><body>Site maintenance</body></html>".utf8))
                : .respond(status: 200, body: Self.twoItems)
        }) { server, h in
            let source = SourceSettings(name: "turns", url: server.baseURL + "/feed")
            _ = try await h.poll([source], at: 1_000)
            broken.store(true, ordering: .relaxed)
            let report = try await h.poll([source], at: 5_000, all: true)
            #expect(report.failed == 1)
            let record = try #require(try h.record(source.url))
            #expect(record.lastErrorStage == "PARSE")
            #expect(record.lastStatus == 200)
            #expect(try h.entries(source.url).count == 2)
            #expect(try h.publish([source], at: 5_000).count == 2)
        }
    }

    @Test func sameArticleFromTwoSourcesIsPublishedOnce() async throws {
        try await withServer({ request in
            let link = request.path == "/one" ? "https://news.example/story?utm_source=one" : "HTTPS://NEWS.example:443/story#comments"
            return .respond(status: 200, body: Self.rss([("\(request.path)-id", "The story", link)], title: "Feed \(request.path)"))
        }) { server, h in
            let one = SourceSettings(name: "one", url: server.baseURL + "/one")
            let two = SourceSettings(name: "two", url: server.baseURL + "/two")
            _ = try await h.poll([one, two], at: 1_000)
            let published = try h.publish([one, two], at: 1_000)
            #expect(published.count == 1)
            #expect(published.first?.source?.feedURL != nil)
            #expect(published.first?.source?.title?.hasPrefix("Feed /") == true)
        }
    }

    @Test func bodiesAreSanitisedWhenFirstPublishedAndKeptSanitised() async throws {
        var xml = "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>t</title>"
        xml += "<link>https://site.example/</link>"
        for day in 1...3 {
            xml += "<item><guid>https://site.example/\(day)</guid><title>Day \(day)</title><link>https://site.example/\(day)</link>"
            xml += "<pubDate>Mon, 0\(day) Nov 2026 10:00:00 GMT</pubDate><description>&lt;b&gt;About&lt;/b&gt; day \(day)</description>"
            xml += "<content:encoded><![CDATA[<script>steal()</script><p onclick=\"x()\">Text <a href=\"/more/\(day)\">more</a></p>]]></content:encoded></item>"
        }
        let body = Array((xml + "</channel></rss>").utf8)
        try await withServer({ _ in .respond(status: 200, body: body) }) { server, h in
            var h = h
            h.configuration.feed.maxEntries = 2
            let source = SourceSettings(name: "html", url: server.baseURL + "/feed")
            _ = try await h.poll([source], at: 1_000)
            func stored() throws -> [StoredEntry] {
                try h.store.read { try $0.visibleStoredEntries(limit: 10, notBefore: nil, sources: [source.url]) }
            }
            // Stored as written: nothing of the body is sanitised (or handed out) before it is published.
            #expect(try stored().count == 3)
            #expect(try stored().allSatisfy { $0.pendingBody?.content?.value.contains("<script>") == true && $0.entry.contentHTML == nil })

            let published = try h.publish([source], at: 2_000)
            #expect(published.map(\.title) == ["Day 3", "Day 2"])
            for entry in published {
                let html = try #require(entry.contentHTML)
                #expect(!html.contains("script") && !html.contains("onclick"), "\(html)")
                #expect(html.contains("href=\"\(server.baseURL)/more/"), "relative links resolved against the feed: \(html)")
                #expect(entry.summary?.hasPrefix("About day ") == true)
            }
            // The published ones keep their finished body; the one past the cap waits for its turn.
            let after = try stored()
            #expect(after.map { $0.pendingBody == nil } == [true, true, false])
            #expect(after.prefix(2).map(\.entry) == published)
            #expect(try h.publish([source], at: 3_000) == published)
            // A later poll of the same document changes nothing.
            let again = try await h.poll([source], at: 9_000, all: true)
            #expect(again.added + again.updated == 0)
            #expect(try stored().map { $0.pendingBody == nil } == [true, true, false])
        }
    }

    @Test func aStoreFromBeforeBodyHashesKeepsItsDates() async throws {
        try await withServer({ _ in .respond(status: 200, body: Self.twoItems) }) { server, h in
            let source = SourceSettings(name: "old", url: server.baseURL + "/feed")
            _ = try await h.poll([source], at: 1_000)
            let before = try h.entries(source.url)
            // The store as a feedd before v6 left it (hashes of the sanitised body, no pending bodies), an
            // article beside the polled entries; then opened again, which migrates it.
            try h.store.write { tx in
                try tx.saveEntry(StoredEntry(source: StateStore.articlesSource, origin: "000_a.txt", contentHash: "article-hash",
                                             entry: Entry(id: "tag:a", title: "A", published: Date(timeIntervalSince1970: 1), updated: Date(timeIntervalSince1970: 1))))
            }
            try await DatabaseQueue(path: h.store.path).write { db in
                try db.execute(sql: """
                    UPDATE entry SET content_hash = 'old-hash' WHERE source != 'articles';
                    ALTER TABLE entry DROP COLUMN pending_body;
                    DROP INDEX entry_updated;
                    CREATE INDEX entry_source_updated ON entry(source, updated);
                    DELETE FROM grdb_migrations WHERE identifier = 'v6-pending-body';
                    """)
            }
            _ = try StateStore(directory: h.configuration.paths.state)
            let hashes = try await DatabaseQueue(path: h.store.path).read { db in
                try [String: String](uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, content_hash FROM entry").map { ($0["id"], $0["content_hash"]) })
            }
            #expect(hashes == ["tag:a": "article-hash", "https://site.example/a": "", "https://site.example/b": ""])
            let report = try await h.poll([source], at: 90_000, all: true)
            #expect(report.added + report.updated == 0, "an unknown hash is not a change")
            #expect(try h.entries(source.url) == before, "no date moved")
            #expect(try h.store.read { try $0.visibleStoredEntries(limit: 5, notBefore: nil) }.allSatisfy { !$0.contentHash.isEmpty })
        }
    }

    @Test func includeAndExcludeFilters() async throws {
        try await withServer({ _ in .respond(status: 200, body: Self.twoItems) }) { server, h in
            let excluding = SourceSettings(name: "x", url: server.baseURL + "/x", exclude: ["(?i)sponsored"])
            let including = SourceSettings(name: "i", url: server.baseURL + "/i", include: ["climate"])
            _ = try await h.poll([excluding, including], at: 1_000)
            #expect(try h.entries(excluding.url).map(\.title) == ["Alpha climate report"])
            #expect(try h.entries(including.url).map(\.title) == ["Alpha climate report"])
        }
    }

    @Test func atMostTwoRequestsPerHostAcrossSources() async throws {
        try await withServer({ _ in .respond(status: 200, body: Self.twoItems, delay: 0.2) }) { server, h in
            let sources = (0..<6).map { SourceSettings(name: "s\($0)", url: server.baseURL + "/s\($0)") }
            let report = try await h.poll(sources, at: 1_000)
            #expect(report.fetched == 6)
            #expect(server.peakInFlight == 2)
        }
    }

    @Test func opmlImportAndExportRoundTrip() throws {
        let dir = TemporaryDirectory()
        dir.write("in.opml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><head><title>mine</title></head><body>
              <outline text="News">
                <outline text="Example News" type="rss" xmlUrl="https://news.example/feed.xml" htmlUrl="https://news.example/"/>
                <outline text="Other" xmlUrl="https://other.example/atom" category="tech"/>
              </outline>
              <outline text="Folder without feeds"/>
            </body></opml>
            """)
        var config = Configuration.defaults(baseDirectory: dir.path)
        config.polling.subscriptions = dir.file("subs.opml")
        let first = try SubscriptionImport.run(importing: dir.file("in.opml"), into: dir.file("subs.opml"), feed: config.feedDescription)
        #expect(first.added == 2)
        let again = try SubscriptionImport.run(importing: dir.file("in.opml"), into: dir.file("subs.opml"), feed: config.feedDescription)
        #expect(again.added == 0)
        #expect(again.alreadyPresent == 2)

        let sources = try SourceList.resolve(config)
        #expect(sources.map(\.url) == ["https://news.example/feed.xml", "https://other.example/atom"])
        #expect(sources.map(\.category) == ["News", "tech"])

        // The published OPML lists the sources with title, feed URL and site URL, and reads back the same.
        let store = try StateStore(directory: dir.file("state"))
        let publisher = Publisher(configuration: config, sources: sources, store: store, logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })
        let opml = OPMLWriter.write(feed: config.feedDescription, subscriptions: try publisher.subscriptions(), dateCreated: nil)
        let back = try OPMLReader.read(opml).filter { !$0.feedURL.hasSuffix(".xml") || $0.feedURL.contains("news.example") }
        #expect(back.map(\.feedURL).suffix(2) == ["https://news.example/feed.xml", "https://other.example/atom"])
        #expect(back.last?.category == "tech")
    }

    @Test func badSubscriptionsFileNamesItself() {
        let dir = TemporaryDirectory()
        dir.write("subs.opml", "this is not xml at all")
        var config = Configuration.defaults(baseDirectory: dir.path)
        config.polling.subscriptions = dir.file("subs.opml")
        #expect {
            _ = try SourceList.resolve(config)
        } throws: { error in
            "\(error)".contains(dir.file("subs.opml")) && "\(error)".contains("not an OPML document")
        }
    }
}
