import Foundation
import Testing
@testable import FeedCore

@Suite("FeedParser edge cases")
struct FeedParserEdgeTests {
    static let formats: [(String, FeedFormat)] = [
        (#"<rss version="2.0"><channel/></rss>"#, .rss20),
        (#"<rss><channel/></rss>"#, .rss20),
        (#"<rss version="0.91"><channel/></rss>"#, .rss091),
        (#"<rss version="0.94"><channel/></rss>"#, .rss094),
        (#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"/>"#, .rss10),
        (#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"/>"#, .rss090),
        (#"<feed xmlns="http://www.w3.org/2005/Atom"/>"#, .atom10),
        (#"<a:feed xmlns:a="http://www.w3.org/2005/Atom"/>"#, .atom10),
        (#"<feed version="0.3" xmlns="http://purl.org/atom/ns#"/>"#, .atom03),
        (#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#, .json11),
    ]

    @Test("format is detected from the root element and its namespace", arguments: formats)
    func detectsFormat(document: String, format: FeedFormat) throws {
        #expect(try parseFeed(document).format == format)
    }

    @Test("a prefix bound to another namespace is not Atom")
    func namespaceByURINotPrefix() throws {
        let feed = try parseFeed(#"<rss version="2.0" xmlns:atom="http://example.test/not-atom"><channel><item>"#
            + #"<atom:link rel="alternate" href="http://wrong.test/"/><atom:title>no</atom:title><title>yes</title></item></channel></rss>"#)
        #expect(feed.entries.first?.link == nil)
        #expect(feed.entries.first?.title?.value == "yes")
    }

    @Test("content:encoded beats description for content; description stays the summary")
    func contentEncodedBeatsDescription() throws {
        let feed = try parseFeed(rss("<description>short</description><content:encoded>&lt;p&gt;long&lt;/p&gt;</content:encoded>",
                                     namespaces: #" xmlns:content="http://purl.org/rss/1.0/modules/content/""#))
        #expect(feed.entries[0].content == ParsedContent(value: "<p>long</p>", kind: .html, baseURL: "http://example.test/feed"))
        #expect(feed.entries[0].summary?.value == "short")
    }

    @Test("atom:updated beats dc:date whatever the order")
    func updatedPriority() throws {
        let feed = try parseFeed(rss(#"<dc:date>2001-01-01</dc:date><atom:updated>2002-02-02T00:00:00Z</atom:updated>"#,
                                     namespaces: #" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom""#))
        #expect(feed.entries[0].updated.map(FeedDate.rfc3339) == "2002-02-02T00:00:00Z")
    }

    @Test("an unreadable date gives way to the next source")
    func unreadableDateFallsThrough() throws {
        let feed = try parseFeed(rss("<pubDate>not a date</pubDate>"))
        #expect(feed.entries[0].published == nil)
    }

    @Test("RSS image title and link do not replace the channel's")
    func imageIsIsolated() throws {
        let feed = try parseFeed(rss(channel: "<image><title>img</title><link>http://img.test/</link><url>/i.png</url></image>"
            + "<title>Channel</title><link>http://example.test/</link>"))
        #expect(feed.title?.value == "Channel")
        #expect(feed.link == "http://example.test/")
        #expect(feed.icon == "http://example.test/i.png")
    }

    @Test("HTML entities still resolve after a recovered error")
    func entitiesAfterError() throws {
        let feed = try parseFeed(rss("<title>A <b>x</i> &eacute;t&eacute; &amp; &lt;ok&gt;</title>"))
        #expect(feed.bozo)
        #expect(feed.entries.first?.title?.value == "A <b>x</b> été & <ok>", "\(String(describing: feed.entries.first?.title))")
    }

    @Test("&amp; in attribute values arrives as &")
    func ampersandInAttributes() throws {
        let feed = try parseFeed(rss(#"<enclosure url="http://e.test/a?x=1&amp;y=2" type="audio/mpeg" length="12"/>"#))
        #expect(feed.entries[0].enclosures == [Enclosure(url: "http://e.test/a?x=1&y=2", type: "audio/mpeg", length: 12)])
    }

    @Test("a guid that is a permalink becomes the link; isPermaLink=false does not")
    func guidPermalink() throws {
        let feed = try parseFeed(rss("<guid>http://example.test/a</guid>", #"<guid isPermaLink="false">http://example.test/b</guid>"#))
        #expect(feed.entries.map(\.link) == ["http://example.test/a", nil])
    }

    @Test("missing ids are derived: link first, else sha- and FNV-1a-64 of title and content")
    func derivedIDs() throws {
        let feed = try parseFeed(rss("<title>x</title><link>http://example.test/x</link>", "<title>a</title>"))
        #expect(feed.entries[0].id == "http://example.test/x")
        #expect(feed.entries[1].id == "sha-af63dc4c8601ec8c")  // FNV-1a-64("a"), the published test vector
        #expect(EntryIdentity.hexFNV1a64([]) == "cbf29ce484222325")
    }

    @Test("duplicate ids get #2, #3 in document order")
    func duplicateIDs() throws {
        let feed = try parseFeed(rss("<guid>g</guid>", "<guid>g</guid>", "<guid>h</guid>", "<guid>g</guid>"))
        #expect(feed.entries.map(\.id) == ["g", "g#2", "h", "g#3"])
    }

    @Test("xml:base stacks and resolves links; content carries its base")
    func xmlBase() throws {
        let feed = try parseFeed(#"<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://b.test/a/"><entry xml:base="b/">"#
            + #"<link href="c"/><content type="html" xml:base="../d/">x</content></entry></feed>"#)
        #expect(feed.entries[0].link == "http://b.test/a/b/c")
        #expect(feed.entries[0].content?.baseURL == "http://b.test/a/d/")
    }

    @Test("relative links resolve against the document URL without xml:base")
    func documentURLBase() throws {
        let feed = try parseFeed(rss("<link>/post/1</link>"), url: "https://site.test/feeds/rss.xml")
        #expect(feed.entries[0].link == "https://site.test/post/1")
    }

    @Test("xml:lang is inherited by entries; dc:language overrides it")
    func languages() throws {
        let feed = try parseFeed(#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><entry><title>a</title></entry>"#
            + #"<entry xml:lang="de"><title>b</title></entry></feed>"#)
        #expect(feed.language == "fr")
        #expect(feed.entries.map(\.language) == ["fr", "de"])
    }

    @Test("xhtml content drops its wrapper div and is delivered as HTML")
    func xhtmlContent() throws {
        let feed = try parseFeed(#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml">"#
            + #"<div xmlns="http://www.w3.org/1999/xhtml"><p>a &lt; b</p><img src="x.png"/></div></content></entry></feed>"#)
        #expect(feed.entries[0].content?.value == #"<p>a &lt; b</p><img src="x.png" />"#)
        #expect(feed.entries[0].content?.kind == .html)
    }

    @Test("an RSS title that looks like HTML is HTML; a plain one stays text")
    func titleKinds() throws {
        let feed = try parseFeed(rss("<title>AT&amp;T</title>", "<title>Caf&amp;eacute; &lt;b&gt;x&lt;/b&gt;</title>"))
        #expect(feed.entries[0].title?.kind == .text)
        #expect(feed.entries[1].title?.kind == .html)
        #expect(ParsedPlainText.of(try #require(feed.entries[1].title)) == "Café x")
    }

    @Test("syndication hints: ttl, skipHours, skipDays, sy:updatePeriod and updateFrequency")
    func syndicationHints() throws {
        let feed = try parseFeed(rss(channel: "<title>T</title><ttl>30</ttl><skipHours><hour>0</hour><hour>23</hour></skipHours>"
            + "<skipDays><day>Saturday</day></skipDays><sy:updatePeriod>Daily</sy:updatePeriod><sy:updateFrequency>3</sy:updateFrequency>",
            namespaces: #" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/""#))
        #expect(feed.ttl == 30)
        #expect(feed.skipHours == [0, 23])
        #expect(feed.skipDays == ["Saturday"])
        #expect(feed.updatePeriod == "daily")
        #expect(feed.updateFrequency == 3)
    }

    @Test("RSS author lines are split into name and email", arguments: [
        ("jo@example.test (Jo Smith)", Author(name: "Jo Smith", email: "jo@example.test")),
        ("Jo Smith <jo@example.test>", Author(name: "Jo Smith", email: "jo@example.test")),
        ("Jo Smith", Author(name: "Jo Smith")),
        ("jo@example.test", Author(email: "jo@example.test")),
    ])
    func authorLines(line: String, author: Author) {
        #expect(PersonLine.parse(line) == author)
    }

    @Test("the HTTP charset wins over the declaration")
    func httpCharset() throws {
        let bytes: [UInt8] = Array(#"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>caf"#.utf8)
            + [0xE9] + Array("</title></channel></rss>".utf8)
        let feed = try FeedParser().parse(bytes, documentURL: nil, httpCharset: "ISO-8859-1")
        #expect(feed.title?.value == "café")
        #expect(!feed.bozo)
    }

    @Test("refusals: too large, empty, not a feed, JSON that is not a JSON Feed")
    func refusals() {
        #expect(throws: FeedParseError.tooLarge(limit: 10)) {
            try FeedParser(options: FeedParserOptions(maxBytes: 10)).parse(Array(repeating: 32, count: 11), documentURL: nil, httpCharset: nil)
        }
        #expect(throws: FeedParseError.empty) { try parseFeed("  \n ") }
        #expect(throws: FeedParseError.notAFeed("root element <html>")) { try parseFeed("<html><body/></html>") }
        #expect(throws: FeedParseError.self) { try parseFeed(#"{"hello": 1}"#) }
        #expect(throws: FeedParseError.self) { try parseFeed("{ broken") }
    }

    @Test("atom:source becomes the entry's source feed")
    func atomSource() throws {
        let feed = try parseFeed(#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e</id><source><id>s</id><title>Origin</title>"#
            + #"<link href="http://o.test/"/><link rel="self" href="http://o.test/feed"/><updated>2020-01-01T00:00:00Z</updated>"#
            + #"<author><name>not the entry's</name></author></source></entry></feed>"#)
        let entry = try #require(feed.entries.first)
        #expect(entry.source == SourceFeed(id: "s", title: "Origin", link: "http://o.test/", feedURL: "http://o.test/feed",
                                           updated: FeedDateParser.parse("2020-01-01T00:00:00Z")))
        #expect(entry.authors.isEmpty)
    }

    @Test("RSS source gives the source feed's title and URL")
    func rssSource() throws {
        let feed = try parseFeed(rss(#"<source url="http://o.test/rss">Origin</source>"#))
        #expect(feed.entries[0].source == SourceFeed(title: "Origin", feedURL: "http://o.test/rss"))
    }

    @Test("mixed-case tags are matched case-insensitively")
    func mixedCase() throws {
        let feed = try parseFeed(#"<rss version="2.0"><Channel><TITLE>T</TITLE><ITEM><Title>x</Title><PubDate>2020-01-02</PubDate></ITEM></Channel></rss>"#)
        #expect(feed.title?.value == "T")
        #expect(feed.entries.map { $0.title?.value } == ["x"])
        #expect(feed.entries[0].published.map(FeedDate.rfc3339) == "2020-01-02T00:00:00Z")
    }

    @Test("control characters are stripped and reported")
    func controlCharacters() throws {
        let feed = try parseFeed(rss("<title>a\u{1}b\u{1B}c</title>"))
        #expect(feed.entries[0].title?.value == "abc")
        #expect(feed.bozo && feed.warnings.contains { $0.contains("control") })
    }

    @Test("a feed cut inside an entry keeps the entries before it and what arrived of the last")
    func truncatedInline() throws {
        let feed = try parseFeed(#"<rss version="2.0"><channel><item><title>one</title></item><item><title>tw"#)
        #expect(feed.entries.map { $0.title?.value } == ["one", "tw"])
        #expect(feed.bozo)
    }

    @Test("UTF-16 without a byte order mark is sniffed from `<?`, in both byte orders", arguments: [true, false])
    func utf16WithoutBOM(bigEndian: Bool) throws {
        let xml = #"<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Ünïcödé ☺</title></channel></rss>"#
        let bytes = xml.utf16.flatMap { unit in
            bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let feed = try FeedParser().parse(bytes, documentURL: nil, httpCharset: nil)
        #expect(feed.title?.value == "Ünïcödé ☺")
        #expect(!feed.bozo)
    }

    @Test("a control character is found wherever it falls in the 8-byte ASCII scan", arguments: 0..<16)
    func controlCharacterAtEveryOffset(offset: Int) throws {
        var title = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        title.insert(0x1B, at: offset)
        let feed = try parseFeed(rss("<title>" + String(decoding: title, as: UTF8.self) + "</title>"))
        #expect(feed.entries[0].title?.value == "abcdefghijklmnopqrstuvwxyz")
        #expect(feed.bozo)
    }

    @Test("UTF-8 validation rejects overlongs, surrogates and truncated sequences", arguments: [
        ([0xC0, 0xAF], false), ([0xED, 0xA0, 0x80], false), ([0xE2, 0x82], false), ([0xF4, 0x90, 0x80, 0x80], false),
        ([0xE2, 0x82, 0xAC], true), ([0xF0, 0x9F, 0x98, 0x80], true),
    ] as [([UInt8], Bool)])
    func utf8Validation(bytes: [UInt8], valid: Bool) {
        let padded = Array("0123456789".utf8) + bytes + Array("0123456789".utf8)
        #expect(UTF8Check(padded).isValid == valid)
        #expect(UTF8Check(bytes).isValid == valid)
    }

    @Test("xhtml attributes and text are escaped again when written back as HTML")
    func xhtmlEscaping() throws {
        let feed = try parseFeed(#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">"#
            + #"<a href="/q?a=1&amp;b=2" title='say "hi" &lt;3'>x &gt; y</a></div></content></entry></feed>"#)
        #expect(feed.entries[0].content?.value == #"<a href="/q?a=1&amp;b=2" title="say &quot;hi&quot; &lt;3">x &gt; y</a>"#)
    }

    @Test("dates with stray whitespace still parse", arguments: ["  Tue, 10 Jun 2003 04:00:00 GMT", "Tue,\t10 Jun 2003\n04:00:00  GMT "])
    func untidyDates(text: String) {
        #expect(FeedDateParser.parse(text).map(FeedDate.rfc3339) == "2003-06-10T04:00:00Z")
    }
}
