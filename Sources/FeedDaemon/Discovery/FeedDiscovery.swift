import FeedCore
import FeedIO
import Foundation

/// Finds the feeds behind a URL the way a person would: the URL may be a feed itself; a page names its
/// feeds in `<link rel="alternate">`; a page that names none may still have one at a usual path. Every
/// candidate is fetched (same client, caps, deadline and address guard as polling) and parsed, so only
/// real feeds are offered, each with its title and format.
public struct FeedDiscovery: Sendable {
    /// A feed found, ready to subscribe to.
    public struct Found: Sendable, Hashable {
        public var url: String
        public var title: String?
        public var siteURL: String?
        public var format: FeedFormat
        /// How it was found: `the URL itself`, `the page's <link>`, `a usual path`.
        public var how: String
    }

    /// What a page advertised that did not turn out to be a feed.
    public struct Rejected: Sendable, Hashable {
        public var url: String
        public var reason: String
    }

    public struct Report: Sendable {
        public var url: String
        public var found: [Found]
        public var rejected: [Rejected]
        /// Whether the URL was a page (not a feed) and named its feeds (or none).
        public var wasPage: Bool
    }

    /// Tried on the page's origin when the page names no feed.
    public static let usualPaths = ["/feed", "/rss.xml", "/atom.xml", "/index.xml", "/feed.json"]

    let fetcher: HTTPFetcher
    let access: SourceAccess
    let maxBytes: Int
    let timeoutSeconds: Int

    public init(fetcher: HTTPFetcher, access: SourceAccess = SourceAccess(), maxBytes: Int, timeoutSeconds: Int) {
        self.fetcher = fetcher
        self.access = access
        self.maxBytes = maxBytes
        self.timeoutSeconds = timeoutSeconds
    }

    /// The feeds behind `url`; throws when `url` itself cannot be fetched.
    public func discover(_ url: String) async throws(DiscoveryFailure) -> Report {
        let document: FetchedDocument
        switch await fetcher.fetch(FetchRequest(url: url, access: access)) {
        case let .fetched(fetched): document = fetched
        case .notModified: throw DiscoveryFailure(message: "\(url): the server answered 304 Not Modified to an unconditional request")
        case let .gone(metadata): throw DiscoveryFailure(message: "\(url): HTTP \(metadata.status) Gone")
        case let .failed(failure): throw DiscoveryFailure(message: failure.message)
        }
        let address = document.metadata.permanentURL ?? url
        if case let .success(feed) = parse(document) {
            let found = Found(url: address, title: feed.title.map(plain), siteURL: feed.link, format: feed.format, how: "the URL itself")
            return Report(url: url, found: [found], rejected: [], wasPage: false)
        }
        var report = Report(url: url, found: [], rejected: [], wasPage: true)
        let links = FeedLinkFinder.links(inPage: document.body, pageURL: document.metadata.finalURL)
        for link in links {
            switch await verify(link.url) {
            case let .success((feed, final)):
                report.found.append(Found(
                    url: final, title: feed.title.map(plain) ?? link.title, siteURL: feed.link, format: feed.format, how: "the page's <link>"
                ))
            case let .failure(rejection):
                report.rejected.append(Rejected(url: link.url, reason: rejection.reason))
            }
        }
        if links.isEmpty, let origin = Self.origin(of: document.metadata.finalURL) {
            for path in Self.usualPaths {
                if case let .success((feed, final)) = await verify(origin + path), !report.found.contains(where: { $0.url == final }) {
                    report.found.append(Found(url: final, title: feed.title.map(plain), siteURL: feed.link, format: feed.format, how: "a usual path"))
                }
            }
        }
        return report
    }

    /// The feed at `url` and the URL to subscribe to (the permanent redirect target, if any), or why not.
    private func verify(_ url: String) async -> Result<(ParsedFeed, String), Rejection> {
        switch await fetcher.fetch(FetchRequest(url: url, access: access)) {
        case let .fetched(document):
            return parse(document).map { ($0, document.metadata.permanentURL ?? url) }
        case .notModified: return .failure(Rejection(reason: "304 Not Modified to an unconditional request"))
        case let .gone(metadata): return .failure(Rejection(reason: "HTTP \(metadata.status) Gone"))
        case let .failed(failure): return .failure(Rejection(reason: failure.message))
        }
    }

    private struct Rejection: Error {
        var reason: String
    }

    private func parse(_ document: FetchedDocument) -> Result<ParsedFeed, Rejection> {
        let deadline = document.deadline ?? ContinuousClock.now + .seconds(timeoutSeconds)
        let parser = FeedParser(options: FeedParserOptions(maxBytes: maxBytes, deadline: deadline))
        do {
            let feed = try parser.parse(document.body, documentURL: document.metadata.finalURL, httpCharset: document.charset)
            return feed.format == .article ? .failure(Rejection(reason: "not a feed")) : .success(feed)
        } catch {
            return .failure(Rejection(reason: "not a feed: \(error.description)"))
        }
    }

    private func plain(_ content: ParsedContent) -> String {
        EntryNormalizer().plainText(content)
    }

    /// `scheme://host[:port]` of an http(s) URL.
    static func origin(of url: String) -> String? {
        guard let parsed = URLComponents(string: url), let scheme = parsed.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = parsed.percentEncodedHost, !host.isEmpty
        else { return nil }
        return "\(scheme)://\(host)" + (parsed.port.map { ":\($0)" } ?? "")
    }
}

/// The URL given to `feedd add` or discovery could not be fetched (exit status 65).
public struct DiscoveryFailure: StatusError {
    public var message: String
    public var exitStatus: ExitStatus { .dataError }

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
