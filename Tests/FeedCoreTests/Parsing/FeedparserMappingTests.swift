import Foundation
import Testing
@testable import FeedCore

/// Fields read as Python feedparser 6.0.14 reads them (each case checked against it with a small script).
@Suite("feedparser mapping")
struct FeedparserMappingTests {
    static let itunes = #" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd""#
    static let media = #" xmlns:media="http://search.yahoo.com/mrss/""#
    static let dc = #" xmlns:dc="http://purl.org/dc/elements/1.1/""#
    static let foo = #" xmlns:foo="http://foo.example/""#

    // MARK: Ids

    @Test("the publisher's id is kept apart from the id feedd derives")
    func publisherID() throws {
        let feed = try parseFeed(rss("<guid>g-1</guid><title>A</title>", "<link>http://example.test/b</link>", "<guid>g-1</guid>"))
        #expect(feed.entries.map(\.publisherID) == ["g-1", nil, "g-1"])
        #expect(feed.entries.map(\.id) == ["g-1", "http://example.test/b", "g-1#2"])
    }

    @Test("a JSON Feed item's id is the publisher's")
    func jsonFeedPublisherID() throws {
        let feed = try parseFeed(#"{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "j1", "url": "http://example.test/1"}, {"url": "http://example.test/2"}]}"#)
        #expect(feed.entries.map(\.publisherID) == ["j1", nil])
        #expect(feed.entries.map(\.id) == ["j1", "http://example.test/2"])
    }

    // MARK: Precedence

    @Test("Atom 0.3 base64 title and content are decoded")
    func atom03Base64() throws {
        let title = Data("Caf\u{E9} & co".utf8).base64EncodedString()
        let content = Data("<p>Hello <b>there</b></p>".utf8).base64EncodedString()
        let feed = try parseFeed("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>T</title><entry><id>e</id>\
            <title mode="base64">\(title)</title><content type="text/html" mode="base64">\(content)</content></entry></feed>
            """)
        #expect(feed.entries[0].title?.value == "Caf\u{E9} & co")
        #expect(feed.entries[0].content == ParsedContent(value: "<p>Hello <b>there</b></p>", kind: .html, baseURL: "http://example.test/feed"))
    }

    @Test("an element nested in an extension never beats the entry's own", arguments: [true, false])
    func nestedLosesToDirect(nestedFirst: Bool) throws {
        let nested = "<foo:bar><title>Nested</title><link>http://example.test/nested</link><guid>nested</guid>"
            + "<description>nested text</description><pubDate>Wed, 03 Jan 2024 00:00:00 GMT</pubDate></foo:bar>"
        let direct = "<title>Direct</title><link>http://example.test/direct</link><guid>direct</guid>"
            + "<description>direct text</description><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>"
        let feed = try parseFeed(rss(nestedFirst ? nested + direct : direct + nested, namespaces: Self.foo))
        let entry = try #require(feed.entries.first)
        #expect(entry.title?.value == "Direct")
        #expect(entry.link == "http://example.test/direct")
        #expect(entry.publisherID == "direct")
        #expect(entry.summary?.value == "direct text")
        #expect(entry.published.map(FeedDate.rfc3339) == "2024-01-01T00:00:00Z")
    }

    @Test("a nested element still fills a field the entry leaves empty")
    func nestedFillsAGap() throws {
        let feed = try parseFeed(rss("<guid>g</guid><foo:bar><title>Nested</title></foo:bar>", namespaces: Self.foo))
        #expect(feed.entries[0].title?.value == "Nested")
    }

    @Test("repeated elements: the first title, the last link, guid and pubDate")
    func repeatedRSSElements() throws {
        let feed = try parseFeed(rss("<title>First</title><title>Second</title><link>http://example.test/1</link>"
            + "<link>http://example.test/2</link><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>"
            + "<pubDate>Tue, 02 Jan 2024 00:00:00 GMT</pubDate><guid>g1</guid><guid>g2</guid>"
            + "<description>d1</description><description>d2</description>"))
        let entry = try #require(feed.entries.first)
        #expect(entry.title?.value == "First")
        #expect(entry.link == "http://example.test/2")
        #expect(entry.published.map(FeedDate.rfc3339) == "2024-01-02T00:00:00Z")
        #expect(entry.publisherID == "g2")
        #expect(entry.summary?.value == "d1")
    }

    @Test("repeated Atom elements: the first title and summary, the last alternate link, id and updated")
    func repeatedAtomElements() throws {
        let feed = try parseFeed(#"<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>First</title>"#
            + #"<title>Second</title><id>i1</id><id>i2</id><link href="http://example.test/1"/>"#
            + #"<link rel="alternate" type="audio/mpeg" href="http://example.test/a.mp3"/><link href="http://example.test/2"/>"#
            + #"<updated>2024-01-01T00:00:00Z</updated><updated>2024-01-02T00:00:00Z</updated>"#
            + #"<summary>s1</summary><summary>s2</summary></entry></feed>"#)
        let entry = try #require(feed.entries.first)
        #expect(entry.title?.value == "First")
        #expect(entry.publisherID == "i2")
        #expect(entry.link == "http://example.test/2")
        #expect(entry.updated.map(FeedDate.rfc3339) == "2024-01-02T00:00:00Z")
        #expect(entry.summary?.value == "s1")
    }

    // MARK: Authors, categories, enclosures, dates

    @Test("dc:author and dc:creator are all authors, in the entry and the channel")
    func dublinCoreAuthors() throws {
        let feed = try parseFeed(rss("<guid>g</guid><dc:author>Ann Author</dc:author><dc:creator>Bob Creator</dc:creator>",
                                     channel: "<title>T</title><dc:author>Chan Author</dc:author><dc:creator>Chan Creator</dc:creator>",
                                     namespaces: Self.dc))
        #expect(feed.entries[0].authors.map(\.name) == ["Ann Author", "Bob Creator"])
        #expect(feed.authors.map(\.name) == ["Chan Author", "Chan Creator"])
    }

    @Test("itunes:category (nested too) and media:category are categories, in the entry and the channel")
    func itunesAndMediaCategories() throws {
        let categories = #"<itunes:category text="Technology"><itunes:category text="Podcasting"/></itunes:category>"#
            + "<media:category>music/rock</media:category><category>plain</category>"
        let feed = try parseFeed(rss("<guid>g</guid>" + categories, channel: "<title>T</title>" + categories,
                                     namespaces: Self.itunes + Self.media))
        #expect(feed.entries[0].categories == ["Technology", "Podcasting", "music/rock", "plain"])
        #expect(feed.categories == ["Technology", "Podcasting", "music/rock", "plain"])
    }

    @Test("media:thumbnail is not an enclosure; media:content still is")
    func thumbnailIsNoEnclosure() throws {
        let feed = try parseFeed(rss(#"<guid>g</guid><media:thumbnail url="http://example.test/t.jpg"/>"#
            + #"<media:content url="http://example.test/v.mp4" type="video/mp4"/>"#, namespaces: Self.media))
        #expect(feed.entries[0].enclosures.map(\.url) == ["http://example.test/v.mp4"])
    }

    @Test("the channel's pubDate is its published date; lastBuildDate and dc:date its updated date")
    func channelDates() throws {
        let feed = try parseFeed(rss(channel: "<title>T</title><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>"
            + "<lastBuildDate>Tue, 02 Jan 2024 00:00:00 GMT</lastBuildDate>"))
        #expect(feed.published.map(FeedDate.rfc3339) == "2024-01-01T00:00:00Z")
        #expect(feed.updated.map(FeedDate.rfc3339) == "2024-01-02T00:00:00Z")
        let dated = try parseFeed(rss(channel: "<title>T</title><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>"
            + "<dc:date>2024-01-03T00:00:00Z</dc:date>", namespaces: Self.dc))
        #expect(dated.updated.map(FeedDate.rfc3339) == "2024-01-03T00:00:00Z")
        let bare = try parseFeed(rss(channel: "<title>T</title><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>"))
        #expect(bare.updated == nil)
    }

    // MARK: Namespaces

    static let misplacedRoots: [(String, FeedFormat)] = [
        (#"<feed><title>T</title><entry><id>i1</id><title>E</title><link href="http://example.test/1"/></entry></feed>"#, .atom10),
        (#"<feed xmlns="http://example.com/wrong"><title>T</title><entry><id>i1</id><title>E</title><link href="http://example.test/1"/></entry></feed>"#, .atom10),
        (#"<feed version="0.3"><title>T</title><entry><id>i1</id><title>E</title><link rel="alternate" href="http://example.test/1"/></entry></feed>"#, .atom03),
        (#"<rss version="2.0" xmlns="http://example.com/rss-ns"><channel><title>T</title><item><guid>i1</guid><title>E</title><link>http://example.test/1</link></item></channel></rss>"#, .rss20),
        (#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel rdf:about="http://example.test/"><title>T</title></channel><item rdf:about="i1"><title>E</title><link>http://example.test/1</link></item></rdf:RDF>"#, .rss10),
        (#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://example.com/x"><channel rdf:about="http://example.test/"><title>T</title></channel><item rdf:about="i1"><title>E</title><link>http://example.test/1</link></item></rdf:RDF>"#, .rss10),
    ]

    @Test("a root in a missing or unexpected namespace is still read, with bozo set", arguments: misplacedRoots)
    func misplacedNamespace(document: String, format: FeedFormat) throws {
        let feed = try parseFeed(document)
        #expect(feed.format == format)
        #expect(feed.bozo)
        #expect(feed.title?.value == "T")
        #expect(feed.entries.map(\.publisherID) == ["i1"])
        #expect(feed.entries.first?.title?.value == "E")
        #expect(feed.entries.first?.link == "http://example.test/1")
    }

    @Test("a root in its own namespace is not bozo")
    func wellPlacedNamespace() throws {
        let feed = try parseFeed(#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">"#
            + #"<channel rdf:about="http://example.test/"><title>T</title></channel><item rdf:about="i1"><title>E</title></item></rdf:RDF>"#)
        #expect(!feed.bozo)
        #expect(feed.entries.count == 1)
    }
}
