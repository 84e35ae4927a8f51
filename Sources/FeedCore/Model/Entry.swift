import Foundation

/// One entry of the merged stream: the flat record every input maps into and every writer reads.
///
/// Text fields are plain text (`title`, `summary`); `contentHTML` is HTML that has already been
/// sanitised. Dates are absolute instants; writers format them in UTC.
public struct Entry: Sendable, Hashable, Codable {
    /// Stable, globally unique id (a `tag:` URI for articles, the publisher's id for polled entries).
    public var id: String
    /// Plain-text title.
    public var title: String
    /// The entry's web page, when it has one.
    public var link: String?
    /// When feedd first saw the entry (articles) or the publisher's published date (polled entries).
    public var published: Date
    /// Moves only when the entry's content changes.
    public var updated: Date
    /// The date the original publication carries (for articles: a `/YYYY/MM/DD/` in the source URL).
    public var originalDate: Date?
    /// Plain-text summary.
    public var summary: String?
    /// Sanitised HTML body.
    public var contentHTML: String?
    /// BCP 47 language tag (`fr`, `en`, …).
    public var language: String?
    public var authors: [Author]
    public var categories: [String]
    public var enclosures: [Enclosure]
    /// The feed an external entry came from; `nil` for articles.
    public var source: SourceFeed?

    public init(
        id: String,
        title: String,
        link: String? = nil,
        published: Date,
        updated: Date,
        originalDate: Date? = nil,
        summary: String? = nil,
        contentHTML: String? = nil,
        language: String? = nil,
        authors: [Author] = [],
        categories: [String] = [],
        enclosures: [Enclosure] = [],
        source: SourceFeed? = nil
    ) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.updated = updated
        self.originalDate = originalDate
        self.summary = summary
        self.contentHTML = contentHTML
        self.language = language
        self.authors = authors
        self.categories = categories
        self.enclosures = enclosures
        self.source = source
    }
}

/// A person: RFC 4287 §3.2 (`name` is required there; writers skip an author without one).
public struct Author: Sendable, Hashable, Codable {
    public var name: String?
    public var email: String?
    public var uri: String?

    public init(name: String? = nil, email: String? = nil, uri: String? = nil) {
        self.name = name
        self.email = email
        self.uri = uri
    }
}

/// A media attachment (RSS `enclosure`, Atom `link rel="enclosure"`).
public struct Enclosure: Sendable, Hashable, Codable {
    public var url: String
    public var type: String?
    public var length: Int64?

    public init(url: String, type: String? = nil, length: Int64? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }
}

/// The feed an external entry was taken from (Atom `atom:source`, RSS `<source url>`).
public struct SourceFeed: Sendable, Hashable, Codable {
    public var id: String?
    public var title: String?
    /// The source's web site.
    public var link: String?
    /// The source's feed document URL.
    public var feedURL: String?
    public var updated: Date?

    public init(id: String? = nil, title: String? = nil, link: String? = nil, feedURL: String? = nil, updated: Date? = nil) {
        self.id = id
        self.title = title
        self.link = link
        self.feedURL = feedURL
        self.updated = updated
    }
}
