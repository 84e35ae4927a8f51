import Foundation
import Testing
@testable import FeedCore

/// Nesting and time cannot make a parse run long or grow without bound.
@Suite("Parser bounds")
struct ParserBoundsTests {
    static func nested(_ depth: Int) -> String {
        rss("<item><title>deep</title>" + String(repeating: "<x>", count: depth) + "y" + String(repeating: "</x>", count: depth) + "</item>")
    }

    @Test("200,000 nested elements parse in linear time, read to the depth cap")
    func deepNesting() throws {
        let clock = ContinuousClock()
        var feed: ParsedFeed?
        // Before the per-frame context, each start tag searched the whole stack: 25 s here in a release build.
        let elapsed = try clock.measure { feed = try parseFeed(Self.nested(200_000)) }
        #expect(elapsed < .seconds(5), "took \(elapsed)")
        #expect(feed?.entries.map(\.title?.value) == ["deep"])
        #expect(feed?.bozo == true)
        #expect(feed?.warnings.contains { $0.contains("nested deeper than \(FeedSAXBuilder.maxDepth) levels") } == true)
    }

    @Test("entries inside the depth cap are all read")
    func nestingWithinTheCapIsRead() throws {
        let feed = try parseFeed(Self.nested(FeedSAXBuilder.maxDepth - 10))
        #expect(feed.entries.count == 1)
        #expect(!feed.warnings.contains { $0.contains("nested deeper") })
    }

    @Test("a parse past its deadline fails instead of running on")
    func deadline() throws {
        let items = String(repeating: "<item><title>t</title></item>", count: 2_000)
        let late = FeedParser(options: FeedParserOptions(deadline: ContinuousClock.now - .seconds(1)))
        #expect(throws: FeedParseError.timedOut) {
            try late.parse(Array(rss(items).utf8), documentURL: nil, httpCharset: nil)
        }
        let inTime = FeedParser(options: FeedParserOptions(deadline: ContinuousClock.now + .seconds(60)))
        #expect(try inTime.parse(Array(rss(items).utf8), documentURL: nil, httpCharset: nil).entries.count == 2_000)
    }
}
