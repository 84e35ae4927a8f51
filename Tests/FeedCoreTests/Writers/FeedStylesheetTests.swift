import FeedCore
import Foundation
import Testing

/// `feed.xsl` and the instruction that names it. What a browser makes of it is checked end to end, in
/// headless Chromium (`PagesEndToEndTests`).
@Suite struct FeedStylesheetTests {
    static let xslt = "http://www.w3.org/1999/XSL/Transform"

    static var text: String {
        String(decoding: FeedStylesheet.write(feed: WriterSamples.feed), as: UTF8.self)
    }

    @Test func isAWellFormedXSLT1StylesheetWithHTMLOutput() throws {
        let root = try #require(WrittenXML.parse(FeedStylesheet.write(feed: WriterSamples.feed)), "not well-formed")
        #expect(root.name == "stylesheet" && root.namespace == Self.xslt)
        #expect(root.attributes["version"] == "1.0")
        let output = try #require(root.first("output", namespace: Self.xslt))
        #expect(output.attributes["method"] == "html")
        // One template for each root it handles.
        let matches = root.all("template", namespace: Self.xslt).compactMap { $0.attributes["match"] }
        #expect(matches.contains("atom:feed") && matches.contains("channel") && matches.contains("item") && matches.contains("atom:entry"))
    }

    @Test func writesEveryValueAsText() {
        let text = Self.text
        #expect(!text.contains("disable-output-escaping"))
        #expect(!text.contains("xsl:copy"))
        #expect(!text.lowercased().contains("<script"))
        #expect(!text.contains("<xsl:element"))
        #expect(text.contains("This is a feed: copy its URL into your feed reader."))
        #expect(text.contains(#"content="default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:""#))
    }

    @Test func linksOnlyHTTPURLsAndThePageForPeople() throws {
        let root = try #require(WrittenXML.parse(FeedStylesheet.write(feed: WriterSamples.feed)))
        let hrefs = root.descendants.filter { $0.name == "a" }.compactMap { $0.attributes["href"] }
        #expect(hrefs == ["index.html", "{$site}", "{$href}"])
        #expect(Self.text.contains("<xsl:when test=\"starts-with($href, 'https://') or starts-with($href, 'http://')\">"))
    }

    @Test func aPageNameWithBracesOrQuotesCannotBreakOut() throws {
        var feed = WriterSamples.feed
        feed.files.page = #"{$x}"&<page>.html"#
        let bytes = FeedStylesheet.write(feed: feed)
        let root = try #require(WrittenXML.parse(bytes), "not well-formed")
        let page = root.descendants.first { $0.name == "a" }?.attributes["href"]
        #expect(page == "%7B$x%7D%22&%3Cpage%3E.html")
    }

    @Test(arguments: ["atom", "rss"]) func theFeedsNameTheStylesheetRightAfterTheDeclaration(format: String) {
        let s = WriterSamples.self
        let bytes = format == "atom"
            ? AtomWriter.write(feed: s.feed, entries: s.entries, emptyFeedUpdated: s.emptyFeedUpdated)
            : RSSWriter.write(feed: s.feed, entries: s.entries, emptyFeedUpdated: s.emptyFeedUpdated)
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", maxSplits: 2)
        #expect(lines[0] == #"<?xml version="1.0" encoding="UTF-8"?>"#)
        #expect(lines[1] == #"<?xml-stylesheet type="text/xsl" href="feed.xsl"?>"#)
    }

    @Test func anOddStylesheetNameIsEscapedInTheInstruction() {
        var feed = WriterSamples.feed
        feed.files.stylesheet = #"a"?>b:c.xsl"#
        let text = String(decoding: AtomWriter.write(feed: feed, entries: [], emptyFeedUpdated: WriterSamples.emptyFeedUpdated), as: UTF8.self)
        #expect(text.contains(#"<?xml-stylesheet type="text/xsl" href="./a%22%3F%3Eb:c.xsl"?>"#))
        #expect(WrittenXML.parse(Array(text.utf8))?.name == "feed")
    }

    @Test func sameInputGivesSameBytes() {
        #expect(FeedStylesheet.write(feed: WriterSamples.feed) == FeedStylesheet.write(feed: WriterSamples.feed))
    }
}
