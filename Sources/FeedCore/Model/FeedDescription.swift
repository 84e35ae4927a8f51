import Foundation

/// Feed-level metadata that every output carries.
public struct FeedDescription: Sendable, Hashable, Encodable {
    /// The feed's permanent id (RFC 4287 §4.2.6), e.g. `tag:example.org,2026:feed`.
    public var id: String
    public var title: String
    public var subtitle: String?
    public var author: Author
    /// The site the feed belongs to (`rel="alternate"`, RSS `<link>`).
    public var siteURL: String?
    /// Public base URL under which the output directory is served; `rel="self"` links are built from it.
    public var baseURL: String?
    /// The output directory as a `file:` URL (ending in `/`): where the feeds are when no public base URL
    /// is known. Self links and the RSS channel link fall back to it (they are required or recommended,
    /// and a relative URL there is invalid); the OPML list never names it.
    public var outputDirectoryURL: String?
    /// Default language of the feed (RSS `<language>`, Atom `xml:lang` on the feed element).
    public var language: String?
    public var generator: Generator
    /// File names of the outputs, used for self links and the OPML list.
    public var files: OutputFiles
    /// WebSub hubs the feeds name (`rel="hub"`, JSON Feed `hubs`), which feedd notifies after each change.
    public var hubs: [String]
    /// Further feeds of selections of the entries (`[[output]]`).
    public var topics: [TopicFeed]

    public init(
        id: String,
        title: String,
        subtitle: String? = nil,
        author: Author,
        siteURL: String? = nil,
        baseURL: String? = nil,
        outputDirectoryURL: String? = nil,
        language: String? = nil,
        generator: Generator = Generator(),
        files: OutputFiles = OutputFiles(),
        hubs: [String] = [],
        topics: [TopicFeed] = []
    ) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.author = author
        self.siteURL = siteURL
        self.baseURL = baseURL
        self.outputDirectoryURL = outputDirectoryURL
        self.language = language
        self.generator = generator
        self.files = files
        self.hubs = hubs
        self.topics = topics
    }

    /// The public URL of an output file, when a base URL is configured.
    public func publicURL(of fileName: String) -> String? {
        guard let baseURL, !baseURL.isEmpty else { return nil }
        return baseURL.hasSuffix("/") ? baseURL + fileName : baseURL + "/" + fileName
    }

    /// Where an output file is: its public URL, else its `file:` URL in the output directory (nil when
    /// neither is known).
    public func location(of fileName: String) -> String? {
        publicURL(of: fileName) ?? outputDirectoryURL.map { $0 + FileURL.escapedSegment(fileName) }
    }

    /// The public URLs of the feeds (Atom, RSS, JSON Feed, the topics' too) among `names`: what a WebSub
    /// hub is told changed.
    public func feedURLs(among names: [String]) -> [String] {
        ([files.atom, files.rss, files.json] + topics.flatMap(\.files)).filter(names.contains).compactMap(publicURL(of:))
    }

    /// The page a reader opens for the feed as a whole (RSS channel `link`): the site, else the public
    /// directory of the feeds, else the output directory's `file:` URL.
    public var homeURL: String? {
        siteURL ?? baseURL ?? outputDirectoryURL
    }
}

/// The software that wrote the feed (Atom `generator`, RSS `generator`).
public struct Generator: Sendable, Hashable, Encodable {
    public var name: String
    public var version: String
    public var uri: String?

    public init(name: String = "feedd", version: String = FeeddVersion.current, uri: String? = nil) {
        self.name = name
        self.version = version
        self.uri = uri
    }
}

/// Output file names inside the output directory.
public struct OutputFiles: Sendable, Hashable, Encodable {
    public var atom: String
    public var rss: String
    public var opml: String
    public var json: String
    /// The page for people (`HTMLPageWriter`).
    public var page: String
    /// The XSLT stylesheet that `atom.xml` and `rss.xml` name, so a browser shows them as a page (`FeedStylesheet`).
    public var stylesheet: String

    public init(
        atom: String = "atom.xml", rss: String = "rss.xml", opml: String = "feeds.opml", json: String = "feed.json",
        page: String = "index.html", stylesheet: String = "feed.xsl"
    ) {
        self.atom = atom
        self.rss = rss
        self.opml = opml
        self.json = json
        self.page = page
        self.stylesheet = stylesheet
    }

    /// Every output's name, in the order `Publisher` renders them.
    public var all: [String] {
        [atom, rss, json, opml, page, stylesheet]
    }
}

/// The version feedd reports (`feedd --version`, `generator`).
public enum FeeddVersion {
    public static let current = "0.1.0"
}
