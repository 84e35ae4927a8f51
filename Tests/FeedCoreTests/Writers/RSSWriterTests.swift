import FeedCore
import Foundation
import Testing

@Suite struct RSSWriterTests {
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let atom = "http://www.w3.org/2005/Atom"
    let s = WriterSamples.self

    /// Plain text as HTML, spelled independently of the writer.
    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    func channel(_ feed: FeedDescription = WriterSamples.feed, _ entries: [Entry] = WriterSamples.entries) throws -> WrittenXML {
        let bytes = RSSWriter.write(feed: feed, entries: entries, emptyFeedUpdated: WriterSamples.emptyFeedUpdated)
        let rss = try #require(WrittenXML.parse(bytes))
        #expect(rss.name == "rss" && rss.attributes["version"] == "2.0")
        return try #require(rss.first("channel"))
    }

    @Test func roundTripsTheChannel() throws {
        let channel = try channel()
        #expect(channel.first("title")?.text == s.feed.title)
        #expect(channel.first("link")?.text == s.feed.siteURL)
        #expect(channel.first("description")?.text == s.feed.subtitle.map(Self.html))
        #expect(channel.first("language")?.text == "fr")
        #expect(channel.first("generator")?.text == "feedd 9.9.9-test")
        let selfLink = try #require(channel.first("link", namespace: Self.atom))
        #expect(selfLink.attributes == ["rel": "self", "type": "application/rss+xml", "href": "https://example.org/feeds/rss.xml"])
    }

    @Test func roundTripsTheItems() throws {
        let items = try channel().all("item")
        try #require(items.count == s.entries.count)
        for (entry, item) in zip(s.entries, items) {
            // Titles and descriptions are HTML to RSS readers: plain text reaches them escaped.
            #expect(item.first("title")?.text == Self.html(entry.title))
            #expect(item.first("link")?.text == entry.link)
            if let summary = entry.summary {
                #expect(item.first("description")?.text == Self.html(summary))
                #expect(item.first("encoded", namespace: Self.content)?.text == entry.contentHTML)
            } else {
                // No summary: the HTML goes into description alone (RSS Best Practices Profile).
                #expect(item.first("description")?.text == entry.contentHTML)
                #expect(item.first("encoded", namespace: Self.content) == nil)
            }
            #expect(item.first("guid")?.text == entry.id)
            #expect(item.first("guid")?.attributes["isPermaLink"] == "false")
            #expect(WrittenDates.rfc822(item.first("pubDate")?.text) == entry.published)
            // One date only: dc:date beside pubDate draws the validator's DuplicateSemantics warning.
            #expect(item.first("date", namespace: Self.dc) == nil)
            #expect(item.all("category").map(\.text) == entry.categories)
            let enclosure = item.first("enclosure").map {
                Enclosure(url: $0.attributes["url"] ?? "", type: $0.attributes["type"], length: $0.attributes["length"].flatMap { Int64($0) })
            }
            #expect(enclosure == entry.enclosures.first)
            #expect(item.first("source")?.attributes["url"] == entry.source?.feedURL)
            #expect(item.first("source")?.text == entry.source?.title)
        }
    }

    @Test func writesSeveralAuthorsAsCreatorsOnly() throws {
        let item = try channel().all("item")[1]
        #expect(item.all("author").isEmpty)
        #expect(item.all("creator", namespace: Self.dc).map(\.text) == ["Sam Writer", "Lou Helper"])
    }

    @Test func writesALoneAuthorWithAnAddressAsAuthor() throws {
        var entry = s.entries[1]
        entry.authors = [Author(name: "Sam Writer", email: "sam@example.net")]
        let item = try #require(try channel(s.feed, [entry]).first("item"))
        #expect(item.all("author").map(\.text) == ["sam@example.net (Sam Writer)"])
        #expect(item.all("creator", namespace: Self.dc).isEmpty)
        entry.authors = [Author(name: nil, email: "sam@example.net"), Author(name: nil, email: "not an address")]
        let two = try #require(try channel(s.feed, [entry]).first("item"))
        #expect(two.all("author").isEmpty)
        #expect(two.all("creator", namespace: Self.dc).map(\.text) == ["sam@example.net", "not an address"])
    }

    @Test func writesZeroLengthAndAGenericTypeForAnUnknownEnclosure() throws {
        var entry = s.entries[2]
        entry.enclosures = [Enclosure(url: "https://example.org/file")]
        let enclosure = try #require(try channel(s.feed, [entry]).first("item")?.first("enclosure"))
        #expect(enclosure.attributes == ["url": "https://example.org/file", "length": "0", "type": "application/octet-stream"])
    }

    @Test func lastBuildDateIsTheNewestEntryUpdatedWhateverTheOrder() throws {
        for entries in [s.entries, s.entries.reversed()] {
            #expect(WrittenDates.rfc822(try channel(s.feed, entries).first("lastBuildDate")?.text) == s.date(2026, 3, 20, 12, 0))
        }
        #expect(WrittenDates.rfc822(try channel(s.feed, []).first("lastBuildDate")?.text) == s.emptyFeedUpdated)
    }

    @Test func fallsBackForTheRequiredChannelElements() throws {
        let bare = try channel(s.bareFeed, [])
        #expect(bare.first("link")?.text == "rss.xml")
        #expect(bare.first("description")?.text == s.bareFeed.title)
        #expect(bare.first("link", namespace: Self.atom) == nil)
        // Without a site, the channel link is the public directory of the feeds, else the output directory.
        var local = s.bareFeed
        local.outputDirectoryURL = "file://localhost/srv/feeds%20out/"
        let localChannel = try channel(local, [])
        #expect(localChannel.first("link")?.text == "file://localhost/srv/feeds%20out/")
        #expect(localChannel.first("link", namespace: Self.atom)?.attributes["href"] == "file://localhost/srv/feeds%20out/rss.xml")
        var published = local
        published.baseURL = "https://example.org/out"
        let publishedChannel = try channel(published, [])
        #expect(publishedChannel.first("link")?.text == "https://example.org/out")
        #expect(publishedChannel.first("link", namespace: Self.atom)?.attributes["href"] == "https://example.org/out/rss.xml")
    }

    @Test func dropsControlCharactersSoTheDocumentParses() throws {
        var entry = s.entries[1]
        entry.summary = "tab\tkept, escape\u{1B} dropped"
        #expect(try channel(s.feed, [entry]).first("item")?.first("description")?.text == "tab\tkept, escape dropped")
    }

    @Test func anItemWithHTMLButNoSummaryCarriesItInDescription() throws {
        var entry = s.entries[0]
        entry.summary = nil
        entry.contentHTML = "<p>Only <b>HTML</b>.</p>"
        let item = try #require(try channel(s.feed, [entry]).first("item"))
        #expect(item.first("description")?.text == "<p>Only <b>HTML</b>.</p>")
        #expect(item.first("encoded", namespace: Self.content) == nil)
    }

    @Test func writesPlainTextWithHexadecimalReferences() {
        var entry = s.entries[0]
        entry.title = "AT&T <b>"
        entry.summary = "1 < 2"
        let text = String(decoding: RSSWriter.write(feed: s.feed, entries: [entry], emptyFeedUpdated: s.emptyFeedUpdated), as: UTF8.self)
        #expect(text.contains("<title>AT&#x26;amp;T &#x26;lt;b&#x26;gt;</title>"))
        #expect(text.contains("<description>1 &#x26;lt; 2</description>"))
    }
}
