import FeedCore
import Foundation
import Testing

@Suite struct EntryMergerTests {
    func entry(_ id: String, _ link: String?, published: Double, source: String?) -> Entry {
        Entry(id: id, title: id, link: link, published: Date(timeIntervalSince1970: published),
              updated: Date(timeIntervalSince1970: published), source: source.map { SourceFeed(feedURL: $0) })
    }

    @Test func sameLinkAcrossSourcesIsOneEntryAndTheFirstPublishedWins() {
        let merged = EntryMerger.merge([
            entry("b", "https://news.example/story?utm_source=x", published: 200, source: "https://b.example/feed"),
            entry("a", "HTTPS://news.example:443/story#top", published: 100, source: "https://a.example/feed"),
        ], limit: 10)
        #expect(merged.map(\.id) == ["a"])
    }

    @Test func anUnpublishableLinkFoldsNothingTogether() {
        let merged = EntryMerger.merge([
            entry("b", "javascript:alert(1)", published: 200, source: "https://b.example/feed"),
            entry("a", "javascript:alert(1)", published: 100, source: "https://a.example/feed"),
        ], limit: 10)
        #expect(merged.map(\.id) == ["b", "a"])
    }

    @Test func anArticleWinsOverAnExternalCopy() {
        let merged = EntryMerger.merge([
            entry("ext", "https://news.example/story", published: 100, source: "https://a.example/feed"),
            entry("art", "https://news.example/story", published: 300, source: nil),
        ], limit: 10)
        #expect(merged.map(\.id) == ["art"])
    }

    @Test func sameLinkWithinOneSourceStaysTwoEntries() {
        let merged = EntryMerger.merge([
            entry("x2", "https://news.example/story", published: 200, source: nil),
            entry("x1", "https://news.example/story", published: 100, source: nil),
        ], limit: 10)
        #expect(merged.map(\.id) == ["x2", "x1"])
    }

    @Test func sameIDIsOneEntryAndTheCapHolds() {
        let merged = EntryMerger.merge([
            entry("dup", nil, published: 300, source: "https://b.example/feed"),
            entry("dup", nil, published: 200, source: "https://a.example/feed"),
            entry("c", nil, published: 100, source: nil),
            entry("d", nil, published: 50, source: nil),
        ], limit: 2)
        #expect(merged.map(\.id) == ["dup", "c"])
        #expect(merged.first?.source?.feedURL == "https://a.example/feed")
    }
}
