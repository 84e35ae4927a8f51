import Foundation

/// The syndication format a document was recognised as (the names feedparser's `version` uses).
public enum FeedFormat: String, Sendable {
    case rss090 = "rss0.90", rss091 = "rss0.91", rss092 = "rss0.92", rss093 = "rss0.93", rss094 = "rss0.94"
    case rss20 = "rss2.0", rss10 = "rss1.0", atom03 = "atom0.3", atom10 = "atom1.0"
    case json10 = "json1.0", json11 = "json1.1"
    /// A feedd article file (`feedd inspect` on the seeds format), not a syndication format.
    case article
}

/// How a text value is to be read; Atom `xhtml` content is delivered as HTML (`.html`).
public enum ContentKind: String, Sendable {
    case text, html, xhtml
}

/// A text construct as published: raw (unsanitised) HTML or plain text, plus the base URL its relative
/// links must be resolved against (RFC 4287 §2, xml:base).
public struct ParsedContent: Sendable, Hashable {
    public var value: String
    public var kind: ContentKind
    public var baseURL: String?

    public init(value: String, kind: ContentKind, baseURL: String? = nil) {
        self.value = value
        self.kind = kind
        self.baseURL = baseURL
    }
}

/// One entry as the publisher wrote it, before normalisation and sanitising.
public struct ParsedEntry: Sendable, Hashable {
    /// The id feedd uses: the publisher's, or one derived from the link or the text (never empty; unique
    /// inside the feed). The store and the merged outputs key on it.
    public var id: String
    /// The id the publisher gave (Atom `id`, RSS `guid`, JSON Feed `id`), as written; nil when none.
    public var publisherID: String?
    public var title: ParsedContent?
    public var link: String?
    public var published: Date?
    public var updated: Date?
    public var authors: [Author]
    public var summary: ParsedContent?
    public var content: ParsedContent?
    public var categories: [String]
    public var enclosures: [Enclosure]
    public var source: SourceFeed?
    public var language: String?

    public init(
        id: String, title: ParsedContent? = nil, link: String? = nil, published: Date? = nil, updated: Date? = nil,
        authors: [Author] = [], summary: ParsedContent? = nil, content: ParsedContent? = nil,
        categories: [String] = [], enclosures: [Enclosure] = [], source: SourceFeed? = nil, language: String? = nil,
        publisherID: String? = nil
    ) {
        self.id = id
        self.publisherID = publisherID
        self.title = title
        self.link = link
        self.published = published
        self.updated = updated
        self.authors = authors
        self.summary = summary
        self.content = content
        self.categories = categories
        self.enclosures = enclosures
        self.source = source
        self.language = language
    }
}

/// A parsed feed document: its metadata, its entries, and whether it was broken (`bozo`, as feedparser says).
public struct ParsedFeed: Sendable, Hashable {
    public var format: FeedFormat
    public var title: ParsedContent?
    public var link: String?
    public var id: String?
    public var subtitle: ParsedContent?
    public var language: String?
    /// RSS channel `pubDate` (feedparser's feed `published`).
    public var published: Date?
    public var updated: Date?
    public var authors: [Author]
    /// Channel or feed categories (RSS `category`, `itunes:category`, `media:category`, Atom `category`).
    public var categories: [String]
    public var rights: String?
    public var generator: String?
    public var icon: String?
    /// RSS `ttl`, in minutes.
    public var ttl: Int?
    public var skipHours: [Int]
    public var skipDays: [String]
    /// `sy:updatePeriod` (hourly, daily, weekly, monthly, yearly).
    public var updatePeriod: String?
    /// `sy:updateFrequency`: how many times per period.
    public var updateFrequency: Int?
    public var entries: [ParsedEntry]
    /// True when the document was not well-formed or had to be corrected to be read.
    public var bozo: Bool
    /// The first problem found, for people.
    public var bozoMessage: String?
    /// Every correction made (encoding overrides, stripped control characters, …).
    public var warnings: [String]

    public init(
        format: FeedFormat, title: ParsedContent? = nil, link: String? = nil, id: String? = nil,
        subtitle: ParsedContent? = nil, language: String? = nil, published: Date? = nil, updated: Date? = nil,
        authors: [Author] = [], categories: [String] = [], rights: String? = nil, generator: String? = nil,
        icon: String? = nil, ttl: Int? = nil,
        skipHours: [Int] = [], skipDays: [String] = [], updatePeriod: String? = nil, updateFrequency: Int? = nil,
        entries: [ParsedEntry] = [], bozo: Bool = false, bozoMessage: String? = nil, warnings: [String] = []
    ) {
        self.format = format
        self.title = title
        self.link = link
        self.id = id
        self.subtitle = subtitle
        self.language = language
        self.published = published
        self.updated = updated
        self.authors = authors
        self.categories = categories
        self.rights = rights
        self.generator = generator
        self.icon = icon
        self.ttl = ttl
        self.skipHours = skipHours
        self.skipDays = skipDays
        self.updatePeriod = updatePeriod
        self.updateFrequency = updateFrequency
        self.entries = entries
        self.bozo = bozo
        self.bozoMessage = bozoMessage
        self.warnings = warnings
    }
}

/// Why a document could not be read as a feed at all (a broken feed is still parsed, with `bozo` set).
public enum FeedParseError: Error, CustomStringConvertible, Equatable {
    case tooLarge(limit: Int)
    case notAFeed(String)
    case empty
    /// The document could not be read (a file that vanished or failed mid-read).
    case unreadable(String)
    /// The parse did not end before `FeedParserOptions.deadline`.
    case timedOut

    public var description: String {
        switch self {
        case .unreadable(let why): "cannot read the document: \(why)"
        case .tooLarge(let limit): "feed larger than the \(limit)-byte limit"
        case .notAFeed(let why): "not a feed: \(why)"
        case .empty: "empty document"
        case .timedOut: "the parse did not end within the request's time (polling.timeout_seconds)"
        }
    }
}

/// Limits applied to every parse.
public struct FeedParserOptions: Sendable {
    /// Documents larger than this are refused before parsing.
    public var maxBytes: Int = 16 << 20
    /// When the parse must have ended (the fetch's deadline); nil for none.
    public var deadline: ContinuousClock.Instant?

    public init(maxBytes: Int = 16 << 20, deadline: ContinuousClock.Instant? = nil) {
        self.maxBytes = maxBytes
        self.deadline = deadline
    }
}
