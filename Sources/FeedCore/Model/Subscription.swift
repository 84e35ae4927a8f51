/// One line of the OPML list: a feed feedd publishes or merges.
public struct Subscription: Sendable, Hashable, Codable {
    /// Display text (`text` and `title` attributes).
    public var title: String
    /// The feed document's URL (`xmlUrl`).
    public var feedURL: String
    /// The site's URL (`htmlUrl`).
    public var siteURL: String?
    /// `rss` for every feed format, as OPML 2.0 §"subscription lists" asks.
    public var type: String
    /// A category label (OPML `category`).
    public var category: String?

    public init(title: String, feedURL: String, siteURL: String? = nil, type: String = "rss", category: String? = nil) {
        self.title = title
        self.feedURL = feedURL
        self.siteURL = siteURL
        self.type = type
        self.category = category
    }
}
