import FeedCore
import Foundation
import Testing

/// Entries whose every field an attacker chose: what the writers publish must be safe to render.
@Suite struct HostileEntryWriterTests {
    static let unsafeURLs = [
        "javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)", "file:///etc/passwd", "//evil.example/x", "/relative/path",
        "https:evil.example", "https://",
    ]

    static func entry(link: String) -> Entry {
        Entry(
            id: "tag:example.org,2026:hostile", title: "<b>bold</b> & <script>alert(3)</script>", link: link,
            published: Date(timeIntervalSince1970: 1_700_000_000), updated: Date(timeIntervalSince1970: 1_700_000_000),
            summary: "<script>alert(3)</script><img src=x onerror=alert(4)>", contentHTML: "<p>safe</p>",
            authors: [Author(name: "Eve", uri: link)], enclosures: [Enclosure(url: link, type: "audio/mpeg", length: 1)],
            source: SourceFeed(id: "tag:x,2026:s", title: "<i>Source</i>", link: link, feedURL: link)
        )
    }

    static func outputs(_ entries: [Entry]) -> [String: String] {
        let feed = WriterSamples.feed
        let at = Date(timeIntervalSince1970: 0)
        return [
            "atom": String(decoding: AtomWriter.write(feed: feed, entries: entries, emptyFeedUpdated: at), as: UTF8.self),
            "rss": String(decoding: RSSWriter.write(feed: feed, entries: entries, emptyFeedUpdated: at), as: UTF8.self),
            "json": String(decoding: JSONFeedWriter.write(feed: feed, entries: entries), as: UTF8.self),
        ]
    }

    @Test(arguments: unsafeURLs) func anUnsafeURLIsPublishedNowhere(url: String) throws {
        for (format, text) in Self.outputs([Self.entry(link: url)]) {
            let lowered = text.lowercased()
            for needle in ["javascript:", "vbscript:", "data:text", "file:", "evil.example", "/relative/path", "\"https://\""] {
                #expect(!lowered.contains(needle), "\(format) published \(needle) from \(url)")
            }
        }
    }

    @Test func linksAreWrittenAsValidURIs() throws {
        let entry = Self.entry(link: "HTTPS://example.org/a b/\"><script>alert(1)</script>?q=é#frag")
        let expected = "https://example.org/a%20b/%22%3E%3Cscript%3Ealert(1)%3C/script%3E?q=%C3%A9#frag"
        for (format, text) in Self.outputs([entry]) {
            #expect(text.contains(expected), "\(format)")
            #expect(!text.contains("<script>alert(1)"), "\(format)")
        }
    }

    @Test func rssTextFieldsReachReadersAsTextNotMarkup() throws {
        let rss = try #require(WrittenXML.parse(RSSWriter.write(
            feed: WriterSamples.feed, entries: [Self.entry(link: "https://example.org/1")], emptyFeedUpdated: Date()
        )))
        let item = try #require(rss.first("channel")?.first("item"))
        // What an HTML-rendering reader gets after the XML parser: escaped text, no element.
        #expect(item.first("description")?.text == "&lt;script&gt;alert(3)&lt;/script&gt;&lt;img src=x onerror=alert(4)&gt;")
        #expect(item.first("title")?.text == "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(3)&lt;/script&gt;")
        #expect(item.first("source")?.text == "&lt;i&gt;Source&lt;/i&gt;")
    }

    @Test func longTitlesAreCapped() throws {
        var entry = Self.entry(link: "https://example.org/1")
        entry.title = String(repeating: "é", count: 100_000)
        for (format, text) in Self.outputs([entry]) {
            #expect(text.utf8.count < 8_000, "\(format)")
            #expect(text.contains(String(repeating: "é", count: Entry.titleLimit) + "…"), "\(format)")
        }
    }

    @Test func opmlListsOnlyPublicFeeds() throws {
        let subscriptions = [
            Subscription(title: "Local", feedURL: "file:///srv/private/feed.xml", siteURL: "https://example.org/"),
            Subscription(title: "Script", feedURL: "javascript:alert(1)"),
            Subscription(title: "Public", feedURL: "https://example.net/feed.xml", siteURL: "javascript:alert(2)"),
        ]
        let text = String(decoding: OPMLWriter.write(feed: WriterSamples.bareFeed, subscriptions: subscriptions, dateCreated: nil), as: UTF8.self)
        #expect(!text.contains("file:") && !text.contains("javascript:"))
        #expect(text.contains("xmlUrl=\"https://example.net/feed.xml\""))
        // No base URL: the feed's own outputs have no public URL and are not listed as bare file names.
        #expect(!text.contains("xmlUrl=\"atom.xml\""))
    }
}

@Suite struct PublishedIDTests {
    @Test(arguments: ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "file:///etc/passwd", "vbscript:x"])
    func anIdWithAnActiveSchemeIsScopedToItsSource(id: String) {
        let published = EntryNormalizer(tagAuthority: "t.example,2026").publishedID(id, feedURL: "https://example.org/feed")
        #expect(published.hasPrefix("tag:t.example,2026:src-"))
        #expect(!published.lowercased().hasPrefix("javascript:"))
    }

    @Test(arguments: ["urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", "tag:example.org,2026:1", "https://example.org/1"])
    func otherIRIsAreKept(id: String) {
        #expect(EntryNormalizer().publishedID(id, feedURL: "https://example.org/feed") == id)
    }

    @Test(arguments: [
        ("https://example.com/q?a=1&b=<2>", "https://example.com/q?a=1&b=%3C2%3E"),
        ("https://example.com/{x}|\\^`\"", "https://example.com/%7Bx%7D%7C%5C%5E%60%22"),
        ("https://example.com/100%", "https://example.com/100%25"),
        ("https://example.com/größe%20ok", "https://example.com/größe%20ok"),
    ])
    func charactersNoIRIMayHoldArePercentEncoded(id: String, expected: String) {
        #expect(EntryNormalizer().publishedID(id, feedURL: "https://example.org/feed") == expected)
    }
}
