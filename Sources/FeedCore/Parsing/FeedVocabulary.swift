/// The vocabularies the parser understands, told apart by namespace URI (never by prefix).
enum FeedVocabulary: UInt8, Sendable {
    /// RSS 0.9x/2.0 (no namespace), RSS 1.0 and RSS 0.90 element names.
    case rss
    case atom, atom03, dc, dcterms, content, media, itunes, slash, sy, rdf, xhtml, xml, other

    static let byURI: [String: FeedVocabulary] = [
        "": .rss,
        "http://purl.org/rss/1.0/": .rss,
        "http://my.netscape.com/rdf/simple/0.9/": .rss,
        "http://channel.netscape.com/rdf/simple/0.9/": .rss,
        "http://backend.userland.com/rss2": .rss,
        "http://blogs.law.harvard.edu/tech/rss": .rss,
        "http://backend.userland.com/rss": .rss,
        "http://www.w3.org/2005/Atom": .atom,
        "http://purl.org/atom/ns#": .atom03,
        "http://purl.org/dc/elements/1.1/": .dc,
        "http://purl.org/dc/elements/1.0/": .dc,
        "http://purl.org/dc/terms/": .dcterms,
        "http://purl.org/rss/1.0/modules/content/": .content,
        "http://search.yahoo.com/mrss/": .media,
        "http://search.yahoo.com/mrss": .media,
        "http://www.itunes.com/dtds/podcast-1.0.dtd": .itunes,
        "http://www.itunes.com/DTDs/Podcast-1.0.dtd": .itunes,
        "http://purl.org/rss/1.0/modules/slash/": .slash,
        "http://purl.org/rss/1.0/modules/syndication/": .sy,
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#": .rdf,
        "http://www.w3.org/1999/xhtml": .xhtml,
        "http://www.w3.org/XML/1998/namespace": .xml,
    ]

    /// Conventional prefixes, used only when a document uses a prefix it never declared (a libxml2
    /// namespace error): the URI is then unknown, and the prefix is the only clue left.
    static let byUndeclaredPrefix: [String: FeedVocabulary] = [
        "atom": .atom, "dc": .dc, "dcterms": .dcterms, "content": .content, "media": .media,
        "itunes": .itunes, "slash": .slash, "sy": .sy, "rdf": .rdf, "xhtml": .xhtml,
    ]

    /// The vocabulary of an element or attribute name.
    static func of(uri: String?, prefix: String?) -> FeedVocabulary {
        if let uri { return byURI[uri] ?? .other }
        if let prefix { return byUndeclaredPrefix[prefix] ?? .other }
        return .rss
    }
}

/// An element name reduced to what the mapping tables key on: vocabulary and lowercased local name.
struct ElementKey: Hashable, Sendable {
    var vocabulary: FeedVocabulary
    var name: String

    init(_ vocabulary: FeedVocabulary, _ name: String) {
        self.vocabulary = vocabulary
        self.name = name
    }
}
