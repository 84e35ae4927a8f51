import Foundation
import Testing
@testable import FeedDaemon
import FeedCore

@Suite("InspectReport")
struct InspectReportTests {
    static let feed = ParsedFeed(
        format: .atom10, title: ParsedContent(value: "News &amp; <b>views</b>", kind: .html), link: "http://n.test/",
        updated: Date(timeIntervalSince1970: 86_400), bozo: true, bozoMessage: "line 1: oops", warnings: ["line 1: oops"],
    )

    @Test("json: fixed key order, plain-text titles, UTC dates, null for missing")
    func json() {
        var feed = Self.feed
        feed.entries = [ParsedEntry(id: "e\"1", title: ParsedContent(value: "Tab\there", kind: .text),
                                    enclosures: [Enclosure(url: "http://n.test/a.mp3")])]
        let json = InspectReport.json(feed)
        let keys = json.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: ":")[0] }
        #expect(keys == [#"  "format""#, #"  "title""#, #"  "link""#, #"  "id""#, #"  "language""#, #"  "published""#,
                         #"  "updated""#, #"  "subtitle""#, #"  "authors""#, #"  "categories""#, #"  "bozo""#,
                         #"  "bozo_message""#, #"  "entries""#])
        #expect(json.contains(#""title": "News & views""#))
        #expect(json.contains(#""updated": "1970-01-02T00:00:00Z""#))
        #expect(json.contains(#""id": "e\"1""#) && json.contains(#""title": "Tab\there""#))
        #expect(json.contains(#""length": null"#))
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
    }

    @Test("text: a readable header and one block per entry")
    func text() {
        var feed = Self.feed
        feed.entries = [ParsedEntry(id: "x", title: ParsedContent(value: "First", kind: .text), link: "http://n.test/1",
                                    summary: ParsedContent(value: "<p>Hello <i>there</i></p>", kind: .html))]
        let lines = InspectReport.text(feed).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "News & views")
        #expect(lines.contains("  format    atom1.0  (bozo)"))
        #expect(lines.contains("  warning   line 1: oops"))
        #expect(lines.contains("1. First"))
        #expect(lines.contains("   Hello there"))
    }
}
