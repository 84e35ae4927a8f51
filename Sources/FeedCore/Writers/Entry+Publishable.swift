/// What every writer applies to an entry before writing it.
extension Entry {
    /// Longest title published, in characters; a longer one is cut and ends with "…".
    public static let titleLimit = 512

    /// The entry as the outputs show it: every URL through `PublishableURL` (a refused link or author page
    /// is left out, a refused enclosure dropped), the source's URLs likewise, the title capped.
    public var publishable: Entry {
        var entry = self
        entry.link = PublishableURL.make(link)
        entry.enclosures = enclosures.compactMap { enclosure in
            PublishableURL.make(enclosure.url).map { Enclosure(url: $0, type: enclosure.type, length: enclosure.length) }
        }
        entry.authors = authors.map(\.publishable)
        if var source {
            source.link = PublishableURL.make(source.link)
            source.feedURL = PublishableURL.make(source.feedURL)
            entry.source = source
        }
        entry.title = Self.capped(title, to: Self.titleLimit)
        return entry
    }

    /// `text` cut to `limit` characters (trailing spaces dropped) with "…" when it is longer.
    static func capped(_ text: String, to limit: Int) -> String {
        guard text.utf8.count > limit, text.unicodeScalars.count > limit else { return text }
        var cut = Substring(text).prefix(limit)
        while cut.last == " " { cut.removeLast() }
        return cut + "…"
    }
}

extension Author {
    /// The person with a page URL that `PublishableURL` lets through, or none.
    public var publishable: Author {
        Author(name: name, email: email, uri: PublishableURL.make(uri))
    }
}

extension FeedDescription {
    /// The description as the outputs show it: site, base URL and author page through `PublishableURL`.
    public var publishable: FeedDescription {
        var feed = self
        feed.siteURL = PublishableURL.make(siteURL)
        feed.baseURL = PublishableURL.make(baseURL)
        feed.author = author.publishable
        return feed
    }
}

extension Subscription {
    /// The outline as a published list shows it: nil when its feed has no public http(s) URL; the site's
    /// URL through `PublishableURL`.
    public var publishable: Subscription? {
        guard let url = PublishableURL.make(feedURL) else { return nil }
        var subscription = self
        subscription.feedURL = url
        subscription.siteURL = PublishableURL.make(siteURL)
        return subscription
    }
}
