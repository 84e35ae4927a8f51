import FeedCore
import Foundation
import Testing

@Suite struct JSONFeedWriterTests {
    let s = WriterSamples.self

    func read(_ feed: FeedDescription = WriterSamples.feed, _ entries: [Entry] = WriterSamples.entries) throws -> [String: Any] {
        let bytes = JSONFeedWriter.write(feed: feed, entries: entries)
        #expect(bytes.last == 0x0A)
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func roundTripsTheFeed() throws {
        let document = try read()
        #expect(document["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(document["title"] as? String == s.feed.title)
        #expect(document["home_page_url"] as? String == s.feed.siteURL)
        #expect(document["feed_url"] as? String == "https://example.org/feeds/feed.json")
        #expect(document["description"] as? String == s.feed.subtitle)
        #expect(document["language"] as? String == "fr")
        #expect((document["authors"] as? [[String: String]])?.first?["name"] == s.feed.author.name)
    }

    @Test func roundTripsTheItems() throws {
        let items = try #require(try read()["items"] as? [[String: Any]])
        try #require(items.count == s.entries.count)
        for (entry, item) in zip(s.entries, items) {
            #expect(item["id"] as? String == entry.id)
            #expect(item["url"] as? String == entry.link)
            #expect(item["title"] as? String == entry.title)
            #expect(item["content_html"] as? String == entry.contentHTML)
            #expect(item["summary"] as? String == entry.summary)
            #expect(item["language"] as? String == entry.language)
            #expect(WrittenDates.rfc3339(item["date_published"] as? String) == entry.published)
            #expect(WrittenDates.rfc3339(item["date_modified"] as? String) == entry.updated)
            #expect(item["tags"] as? [String] == (entry.categories.isEmpty ? nil : entry.categories))
            let names = (item["authors"] as? [[String: String]])?.map { $0["name"] }
            #expect(names == (entry.authors.isEmpty ? nil : entry.authors.map(\.name)))
            let attachments = (item["attachments"] as? [[String: Any]])?.map {
                Enclosure(url: $0["url"] as? String ?? "", type: $0["mime_type"] as? String, length: ($0["size_in_bytes"] as? Int).map(Int64.init))
            }
            #expect(attachments?.map(\.url) == (entry.enclosures.isEmpty ? nil : entry.enclosures.map(\.url)))
            #expect(attachments?.first?.length == entry.enclosures.first?.length)
            let feedd = item["_feedd"] as? [String: Any]
            #expect(WrittenDates.rfc3339(feedd?["original_date"] as? String) == entry.originalDate)
            let source = feedd?["source"] as? [String: String]
            #expect(source?["feed_url"] == entry.source?.feedURL)
            #expect(source?["home_page_url"] == entry.source?.link)
            #expect(source?["title"] == entry.source?.title)
            #expect(source?["id"] == entry.source?.id)
        }
    }

    @Test func omitsMissingValues() throws {
        let bare = try read(s.bareFeed, [s.entries[3]])
        #expect(Set(bare.keys) == ["version", "title", "authors", "items"])
        let item = try #require((bare["items"] as? [[String: Any]])?.first)
        #expect(Set(item.keys) == ["id", "title", "summary", "content_text", "date_published", "date_modified"])
    }

    @Test func givesAnItemWithoutHTMLAContentText() throws {
        let item = try #require((try read(s.feed, [s.entries[3]])["items"] as? [[String: Any]])?.first)
        #expect(item["content_text"] as? String == s.entries[3].summary)
        #expect(item["content_html"] == nil)
    }

    @Test func writesTheSameBytesTwiceAndUnescapedSlashes() {
        let first = JSONFeedWriter.write(feed: s.feed, entries: s.entries)
        #expect(first == JSONFeedWriter.write(feed: s.feed, entries: s.entries))
        #expect(!String(decoding: first, as: UTF8.self).contains("\\/"))
    }
}
