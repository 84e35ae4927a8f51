import FeedCore
import Foundation
import Testing

@Suite struct OPMLWriterTests {
    let s = WriterSamples.self

    func read(_ feed: FeedDescription, _ subscriptions: [Subscription], _ dateCreated: Date?) throws -> WrittenXML {
        let opml = try #require(WrittenXML.parse(OPMLWriter.write(feed: feed, subscriptions: subscriptions, dateCreated: dateCreated)))
        #expect(opml.name == "opml" && opml.attributes["version"] == "2.0")
        return opml
    }

    @Test func roundTripsTheHead() throws {
        let head = try #require(try read(s.feed, s.subscriptions, s.date(2026, 3, 20)).first("head"))
        #expect(head.first("title")?.text == s.feed.title)
        #expect(WrittenDates.rfc822(head.first("dateCreated")?.text) == s.date(2026, 3, 20))
        #expect(head.first("ownerName")?.text == s.feed.author.name)
        #expect(head.first("ownerEmail")?.text == s.feed.author.email)
        // OPML 2.0's optional docs element makes the W3C validator reject the file.
        #expect(head.first("docs") == nil)
    }

    @Test func listsTheFeedsOwnOutputsThenEverySubscription() throws {
        let outlines = try #require(try read(s.feed, s.subscriptions, nil).first("body")).all("outline")
        let read = outlines.map {
            Subscription(
                title: $0.attributes["title"] ?? "", feedURL: $0.attributes["xmlUrl"] ?? "",
                siteURL: $0.attributes["htmlUrl"], type: $0.attributes["type"] ?? "", category: $0.attributes["category"]
            )
        }
        #expect(read.map(\.feedURL) == [
            "https://example.org/feeds/atom.xml", "https://example.org/feeds/rss.xml", "https://example.org/feeds/feed.json",
        ] + s.subscriptions.map(\.feedURL))
        #expect(Array(read.dropFirst(3)) == s.subscriptions)
        #expect(read.prefix(3).allSatisfy { $0.type == "rss" && $0.siteURL == s.feed.siteURL })
        #expect(outlines.allSatisfy { $0.attributes["text"] == $0.attributes["title"] })
    }

    @Test func listsTheOwnOutputsOnlyWithABaseURLAndNoDateWhenNoneIsGiven() throws {
        // Without a base URL the outputs have no public URL; a bare file name is no URL an importer can follow.
        let opml = try read(s.bareFeed, s.subscriptions, nil)
        #expect(opml.first("head")?.first("dateCreated") == nil)
        let urls = opml.first("body")?.all("outline").map { $0.attributes["xmlUrl"] }
        #expect(urls == s.subscriptions.map(\.feedURL))
    }

    @Test func listsEachFeedURLOnceAndNeverALocalOne() throws {
        var local = s.bareFeed
        local.outputDirectoryURL = "file://localhost/srv/feeds/"
        let subscriptions = [
            Subscription(title: "Moved", feedURL: "https://example.com/feed.xml"),
            Subscription(title: "Same, spelled otherwise", feedURL: "HTTPS://example.com/feed.xml"),
            Subscription(title: "Other", feedURL: "https://example.com/other.xml"),
            Subscription(title: "Again", feedURL: "https://example.com/other.xml"),
            Subscription(title: "Local", feedURL: "file:///srv/x.xml"),
        ]
        let outlines = try read(local, subscriptions, nil).first("body")?.all("outline") ?? []
        #expect(outlines.map { $0.attributes["xmlUrl"] } == ["https://example.com/feed.xml", "https://example.com/other.xml"])
        #expect(outlines.map { $0.attributes["title"] } == ["Moved", "Other"])
    }
}
