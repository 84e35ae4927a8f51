import FeedCore
import FeedIO

/// One external feed to poll and merge (`[[source]]` in the configuration, or an OPML outline).
public struct SourceSettings: Sendable, Hashable, Encodable {
    /// Display name (the OPML `text`); defaults to the URL's host.
    public var name: String
    /// `http://`, `https://`, `file://` URL, or a path (absolute once resolved).
    public var url: String
    /// Minutes between polls of a healthy source; nil uses `polling.interval_minutes`.
    public var intervalMinutes: Int?
    /// Regular expressions on title and content: an entry must match one `include` (when any are given)
    /// and no `exclude`.
    public var include: [String]
    public var exclude: [String]
    /// At most this many of the source's newest entries are merged; nil means no per-source cap.
    public var maxEntries: Int?
    /// A category label (OPML `category`, entry category).
    public var category: String?
    public var enabled: Bool
    /// Allow redirects from a public address to a loopback, private or link-local one.
    public var allowPrivateRedirects: Bool
    /// Headers, basic auth, user agent (`headers`, `username`, `password_file`, `user_agent`); its proxy
    /// is `proxy`, resolved against `polling.http_proxy` when fetching (`fetchAccess`).
    public var access = SourceAccess()
    public var proxy = ProxyChoice.inherit

    /// A source's own `http_proxy`: none given (use `polling.http_proxy`), `""` (straight to the source),
    /// or a proxy of its own.
    public enum ProxyChoice: Sendable, Hashable {
        case inherit
        case direct
        case through(SourceAccess.Proxy)
    }

    /// What the outputs depend on; `access` and `proxy` are left out: they change how a feed is fetched,
    /// not what is published, and a header may hold a secret that must not reach a fingerprint.
    enum CodingKeys: String, CodingKey {
        case name, url, intervalMinutes, include, exclude, maxEntries, category, enabled, allowPrivateRedirects
    }

    /// The access to fetch with: this source's, through its proxy or the global one.
    public func fetchAccess(globalProxy: SourceAccess.Proxy?) -> SourceAccess {
        var access = access
        switch proxy {
        case .inherit: access.proxy = globalProxy
        case .direct: access.proxy = nil
        case let .through(own): access.proxy = own
        }
        return access
    }

    public init(
        name: String, url: String, intervalMinutes: Int? = nil, include: [String] = [], exclude: [String] = [],
        maxEntries: Int? = nil, category: String? = nil, enabled: Bool = true, allowPrivateRedirects: Bool = false
    ) {
        self.name = name
        self.url = url
        self.intervalMinutes = intervalMinutes
        self.include = include
        self.exclude = exclude
        self.maxEntries = maxEntries
        self.category = category
        self.enabled = enabled
        self.allowPrivateRedirects = allowPrivateRedirects
    }
}

/// `[polling]`: how feedd fetches its sources.
public struct PollingSettings: Sendable, Hashable {
    public var intervalMinutes = 30
    public var maxConcurrent = 8
    public var maxPerHost = 2
    public var connectTimeoutSeconds = 10
    public var timeoutSeconds = 60
    public var maxBodySize = 16 << 20
    /// Publishers see this; set it to name the operator (a URL or an email) so they can reach you.
    public var userAgent = "feedd/\(FeeddVersion.current)"
    /// An OPML file of subscriptions merged with the `[[source]]` tables (absolute once resolved).
    public var subscriptions: String? = nil
    /// Hosts whose https iframes (video players) survive sanitising; every other iframe is dropped.
    public var iframeHosts: [String] = []
    /// Every source is fetched through this HTTP proxy unless it names its own (or `""`).
    public var httpProxy: SourceAccess.Proxy? = nil

    public init() {}
}


extension PollingSettings {
    /// The fetcher's limits and identity.
    public var fetcherSettings: FetcherSettings {
        FetcherSettings(
            userAgent: userAgent, connectTimeoutSeconds: connectTimeoutSeconds, timeoutSeconds: timeoutSeconds,
            maxBodySize: maxBodySize, maxPerHost: maxPerHost
        )
    }
}
