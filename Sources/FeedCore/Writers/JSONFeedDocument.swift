import Foundation

// The JSON Feed 1.1 objects JSONFeedWriter encodes, with the specification's key names.

/// The top-level JSON Feed object.
struct JSONFeedDocument: Encodable {
    var version: String
    var title: String
    var homePageURL: String?
    var feedURL: String?
    var description: String?
    var language: String?
    var authors: [JSONFeedAuthor]?
    var hubs: [JSONFeedHub]?
    var items: [JSONFeedItem]

    enum CodingKeys: String, CodingKey {
        case version, title, description, language, authors, hubs, items
        case homePageURL = "home_page_url"
        case feedURL = "feed_url"
    }
}

/// A JSON Feed hub object (§ Top-level, `hubs`): where to subscribe for real-time notifications.
struct JSONFeedHub: Encodable {
    var type = "WebSub"
    var url: String
}

/// A JSON Feed author object: it must carry at least one key, so nameless, URL-less people are dropped.
struct JSONFeedAuthor: Encodable {
    var name: String?
    var url: String?

    /// The authors that have a name or a URL, or `nil` when none has.
    static func list(_ people: [Author]) -> [JSONFeedAuthor]? {
        let authors = people.compactMap { person in
            person.name == nil && person.uri == nil ? nil : JSONFeedAuthor(name: person.name, url: person.uri)
        }
        return authors.isEmpty ? nil : authors
    }
}

/// One JSON Feed item.
struct JSONFeedItem: Encodable {
    var id: String
    var url: String?
    var title: String
    var contentHTML: String?
    var contentText: String?
    var summary: String?
    var datePublished: String
    var dateModified: String
    var language: String?
    var authors: [JSONFeedAuthor]?
    var tags: [String]?
    var attachments: [JSONFeedAttachment]?
    var feedd: JSONFeedExtension?

    enum CodingKeys: String, CodingKey {
        case id, url, title, summary, language, authors, tags, attachments
        case contentHTML = "content_html"
        case contentText = "content_text"
        case datePublished = "date_published"
        case dateModified = "date_modified"
        case feedd = "_feedd"
    }

    init(_ entry: Entry) {
        id = entry.id
        url = entry.link
        title = entry.title
        contentHTML = entry.contentHTML
        contentText = entry.contentHTML == nil ? entry.summary ?? "" : nil
        summary = entry.summary
        datePublished = FeedDate.rfc3339(entry.published)
        dateModified = FeedDate.rfc3339(entry.updated)
        language = entry.language
        authors = JSONFeedAuthor.list(entry.authors)
        tags = entry.categories.isEmpty ? nil : entry.categories
        attachments = entry.enclosures.isEmpty ? nil : entry.enclosures.map {
            JSONFeedAttachment(url: $0.url, mimeType: $0.type ?? "application/octet-stream", sizeInBytes: $0.length)
        }
        feedd = JSONFeedExtension(entry)
    }
}

/// A JSON Feed attachment (`mime_type` is required there).
struct JSONFeedAttachment: Encodable {
    var url: String
    var mimeType: String
    var sizeInBytes: Int64?

    enum CodingKeys: String, CodingKey {
        case url
        case mimeType = "mime_type"
        case sizeInBytes = "size_in_bytes"
    }
}

/// The `_feedd` extension: what JSON Feed has no field for.
struct JSONFeedExtension: Encodable {
    var originalDate: String?
    var source: JSONFeedSource?

    enum CodingKeys: String, CodingKey {
        case originalDate = "original_date"
        case source
    }

    /// The extension for an entry, or `nil` when it has neither an original date nor a source.
    init?(_ entry: Entry) {
        guard entry.originalDate != nil || entry.source != nil else { return nil }
        originalDate = entry.originalDate.map(FeedDate.rfc3339)
        source = entry.source.map {
            JSONFeedSource(id: $0.id, title: $0.title, homePageURL: $0.link, feedURL: $0.feedURL)
        }
    }
}

/// The feed an entry came from, inside `_feedd`.
struct JSONFeedSource: Encodable {
    var id: String?
    var title: String?
    var homePageURL: String?
    var feedURL: String?

    enum CodingKeys: String, CodingKey {
        case id, title
        case homePageURL = "home_page_url"
        case feedURL = "feed_url"
    }
}
