import FeedCore
import Foundation
import Testing

/// Each writer's output for the sample feed, compared with Tests/Fixtures/golden/ (FEEDD_RECORD=1 rewrites them).
@Suite struct GoldenFileTests {
    enum Case: String, CaseIterable, Sendable {
        case atom = "atom.xml"
        case rss = "rss.xml"
        case opml = "feeds.opml"
        case json = "feed.json"
        case emptyAtom = "empty-atom.xml"
        case emptyRSS = "empty-rss.xml"
        case emptyOPML = "empty-feeds.opml"
        case emptyJSON = "empty-feed.json"
        case page = "index.html"
        case emptyPage = "empty-index.html"
        case stylesheet = "feed.xsl"

        var bytes: [UInt8] {
            let s = WriterSamples.self
            switch self {
            case .atom: return AtomWriter.write(feed: s.feed, entries: s.entries, emptyFeedUpdated: s.emptyFeedUpdated)
            case .rss: return RSSWriter.write(feed: s.feed, entries: s.entries, emptyFeedUpdated: s.emptyFeedUpdated)
            case .opml: return OPMLWriter.write(feed: s.feed, subscriptions: s.subscriptions, dateCreated: s.date(2026, 3, 20))
            case .json: return JSONFeedWriter.write(feed: s.feed, entries: s.entries)
            case .emptyAtom: return AtomWriter.write(feed: s.bareFeed, entries: [], emptyFeedUpdated: s.emptyFeedUpdated)
            case .emptyRSS: return RSSWriter.write(feed: s.bareFeed, entries: [], emptyFeedUpdated: s.emptyFeedUpdated)
            case .emptyOPML: return OPMLWriter.write(feed: s.bareFeed, subscriptions: [], dateCreated: nil)
            case .emptyJSON: return JSONFeedWriter.write(feed: s.bareFeed, entries: [])
            case .page: return HTMLPageWriter.write(feed: s.feed, entries: s.entries, sources: s.sourceStatuses)
            case .emptyPage: return HTMLPageWriter.write(feed: s.bareFeed, entries: [], sources: [])
            case .stylesheet: return FeedStylesheet.write(feed: s.feed)
            }
        }
    }

    @Test(arguments: Case.allCases)
    func matchesGoldenFile(_ golden: Case) throws {
        try WriterFixtures.assertGolden(golden.bytes, golden.rawValue)
    }

    @Test(arguments: Case.allCases)
    func sameInputGivesSameBytes(_ golden: Case) {
        #expect(golden.bytes == golden.bytes)
    }
}
