/// What a captured element's text becomes.
enum Field: Sendable {
    case title, subtitle, link, id, published, updated, summary, content, language, rights, generator
    case icon, ttl, updatePeriod, updateFrequency, category, authorLine
    case authorName, authorEmail, authorURI, skipHour, skipDay

    /// Whether a repeated element replaces the value it gave before, as feedparser stores it: the last
    /// `<link>`, `<guid>` or `<pubDate>` wins, the first `<title>`, `<description>` or `content` stays.
    var keepsLatest: Bool {
        switch self {
        case .title, .summary, .content, .icon: false
        default: true
        }
    }
}

/// Where a mapped element goes, how strongly (lower wins), and how its text reads when no `type` says.
struct FieldSlot: Sendable {
    var field: Field
    var priority: Int
    var kind: ContentKind
}

/// Element-to-field tables: for each field, the elements that fill it, in priority order (first wins),
/// as sfeed and Miniflux do (`content:encoded` beats `description`, `atom:updated` beats `dc:date`).
enum FieldMapping {
    typealias Source = (FeedVocabulary, String, ContentKind)

    /// Inside an RSS `item` or Atom `entry`.
    static let entry = table([
        (.title, [(.atom, "title", .text), (.atom03, "title", .text), (.rss, "title", .text), (.dc, "title", .text),
                  (.media, "title", .text)]),
        (.id, [(.atom, "id", .text), (.atom03, "id", .text), (.rss, "guid", .text)]),
        (.link, [(.rss, "link", .text)]),
        (.published, [(.atom, "published", .text), (.atom03, "issued", .text), (.rss, "pubdate", .text),
                      (.dcterms, "issued", .text), (.dcterms, "created", .text), (.atom03, "created", .text)]),
        (.updated, [(.atom, "updated", .text), (.atom03, "modified", .text), (.dcterms, "modified", .text),
                    (.dc, "date", .text)]),
        (.summary, [(.atom, "summary", .text), (.atom03, "summary", .text), (.rss, "description", .html),
                    (.dc, "description", .html), (.itunes, "summary", .text), (.itunes, "subtitle", .text),
                    (.media, "description", .text)]),
        (.content, [(.content, "encoded", .html), (.atom, "content", .text), (.atom03, "content", .text),
                    (.xhtml, "body", .xhtml)]),
        (.category, [(.rss, "category", .text), (.dc, "subject", .text), (.media, "category", .text)]),
        (.authorLine, [(.dc, "creator", .text), (.rss, "author", .text), (.itunes, "author", .text)]),
        (.language, [(.dc, "language", .text)]),
    ], sameRank: [(ElementKey(.dc, "author"), ElementKey(.dc, "creator"))])

    /// Directly inside the channel or feed.
    static let feed = table([
        (.title, [(.atom, "title", .text), (.atom03, "title", .text), (.rss, "title", .text), (.dc, "title", .text)]),
        (.subtitle, [(.atom, "subtitle", .text), (.atom03, "tagline", .text), (.rss, "description", .text),
                     (.dc, "description", .text), (.itunes, "subtitle", .text), (.itunes, "summary", .text)]),
        (.id, [(.atom, "id", .text), (.atom03, "id", .text)]),
        (.link, [(.rss, "link", .text)]),
        (.language, [(.rss, "language", .text), (.dc, "language", .text)]),
        (.published, [(.rss, "pubdate", .text), (.atom, "published", .text), (.atom03, "issued", .text),
                      (.dcterms, "issued", .text)]),
        (.updated, [(.atom, "updated", .text), (.atom03, "modified", .text), (.rss, "lastbuilddate", .text),
                    (.dc, "date", .text), (.dcterms, "modified", .text)]),
        (.rights, [(.atom, "rights", .text), (.atom03, "copyright", .text), (.rss, "copyright", .text),
                   (.dc, "rights", .text)]),
        (.generator, [(.atom, "generator", .text), (.atom03, "generator", .text), (.rss, "generator", .text)]),
        (.icon, [(.atom, "icon", .text), (.atom, "logo", .text), (.atom03, "logo", .text)]),
        (.ttl, [(.rss, "ttl", .text)]),
        (.updatePeriod, [(.sy, "updateperiod", .text)]),
        (.updateFrequency, [(.sy, "updatefrequency", .text)]),
        (.authorLine, [(.rss, "managingeditor", .text), (.dc, "creator", .text), (.itunes, "author", .text)]),
        (.category, [(.rss, "category", .text), (.dc, "subject", .text), (.media, "category", .text)]),
    ], sameRank: [(ElementKey(.dc, "author"), ElementKey(.dc, "creator"))])

    /// Inside an Atom `author` (RFC 4287 §3.2; Atom 0.3 says `url`).
    static let person = table([
        (.authorName, [(.atom, "name", .text), (.atom03, "name", .text)]),
        (.authorEmail, [(.atom, "email", .text), (.atom03, "email", .text)]),
        (.authorURI, [(.atom, "uri", .text), (.atom03, "url", .text), (.atom03, "uri", .text)]),
    ])

    /// Inside an Atom `source` (RFC 4287 §4.2.11).
    static let source = table([
        (.title, [(.atom, "title", .text)]),
        (.id, [(.atom, "id", .text)]),
        (.updated, [(.atom, "updated", .text)]),
    ])

    static let skipHours = table([(.skipHour, [(.rss, "hour", .text)])])
    static let skipDays = table([(.skipDay, [(.rss, "day", .text)])])

    /// `sameRank` maps further elements to the slot of another (`dc:author` ranks as `dc:creator`).
    private static func table(_ rows: [(Field, [Source])], sameRank: [(ElementKey, ElementKey)] = []) -> [ElementKey: FieldSlot] {
        var result: [ElementKey: FieldSlot] = [:]
        for (field, sources) in rows {
            for (priority, source) in sources.enumerated() {
                result[ElementKey(source.0, source.1)] = FieldSlot(field: field, priority: priority, kind: source.2)
            }
        }
        for (alias, original) in sameRank { result[alias] = result[original] }
        return result
    }
}
