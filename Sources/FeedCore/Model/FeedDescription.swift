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
    /// Default language of the feed (RSS `<language>`, Atom `xml:lang` on the feed element).
    public var language: String?
    public var generator: Generator
    /// File names of the outputs, used for self links and the OPML list.
    public var files: OutputFiles

    public init(
        id: String,
        title: String,
        subtitle: String? = nil,
        author: Author,
        siteURL: String? = nil,
        baseURL: String? = nil,
        language: String? = nil,
        generator: Generator = Generator(),
        files: OutputFiles = OutputFiles()
    ) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.author = author
        self.siteURL = siteURL
        self.baseURL = baseURL
        self.language = language
        self.generator = generator
        self.files = files
    }

    /// The public URL of an output file, when a base URL is configured.
    public func publicURL(of fileName: String) -> String? {
        guard let baseURL, !baseURL.isEmpty else { return nil }
        return baseURL.hasSuffix("/") ? baseURL + fileName : baseURL + "/" + fileName
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

    public init(atom: String = "atom.xml", rss: String = "rss.xml", opml: String = "feeds.opml", json: String = "feed.json") {
        self.atom = atom
        self.rss = rss
        self.opml = opml
        self.json = json
    }
}

/// The version feedd reports (`feedd --version`, `generator`).
public enum FeeddVersion {
    public static let current = "0.1.0"
}
