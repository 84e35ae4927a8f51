import Foundation

/// Writes a JSON Feed 1.1 document (jsonfeed.org/version/1.1) from the feed's description and its entries, in the order given.
///
/// Keys are sorted and the output pretty-printed, so the same input gives the same bytes; missing optional
/// values are omitted. An item without HTML gets `content_text` (its summary, or empty): the specification
/// asks for one of `content_html` and `content_text`. The original date and the source feed go into the
/// `_feedd` extension object (extension keys start with an underscore, JSON Feed 1.1 "Extensions").
public enum JSONFeedWriter {
    static let version = "https://jsonfeed.org/version/1.1"

    /// The document's UTF-8 bytes, ending with a newline.
    public static func write(feed: FeedDescription, entries: [Entry]) -> [UInt8] {
        let feed = feed.publishable, entries = entries.map(\.publishable)
        let document = JSONFeedDocument(
            version: version,
            title: feed.title,
            homePageURL: feed.siteURL,
            feedURL: feed.location(of: feed.files.json),
            description: feed.subtitle,
            language: feed.language,
            authors: JSONFeedAuthor.list([feed.author]),
            hubs: feed.hubs.isEmpty ? nil : feed.hubs.map { JSONFeedHub(url: $0) },
            items: entries.map(JSONFeedItem.init)
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(document)) + [0x0A]
        } catch {
            // Only strings, integers and nested structs are encoded: this cannot fail.
            preconditionFailure("JSONFeedWriter: encoding failed: \(error)")
        }
    }
}
