import FeedCore
import FeedIO

/// Everything feedd needs to run, resolved: absolute paths, validated values, defaults filled in.
public struct Configuration: Sendable, Hashable {
    /// The configuration file this came from; nil for the built-in defaults.
    public var file: String?
    public var feed: FeedSettings
    public var paths: Paths
    public var articles: ArticleSettings
    public var polling: PollingSettings
    public var daemon: DaemonSettings
    public var serve: ServeSettings
    public var store = StoreSettings()
    /// The `[[source]]` tables, in file order (the OPML subscriptions are read when polling).
    public var sources: [SourceSettings]
    /// The `[[output]]` tables, in file order.
    public var outputs: [OutputSettings] = []

    public init(
        file: String? = nil, feed: FeedSettings = .init(), paths: Paths, articles: ArticleSettings = .init(),
        polling: PollingSettings = .init(), daemon: DaemonSettings = .init(), serve: ServeSettings = .init(),
        sources: [SourceSettings] = []
    ) {
        self.daemon = daemon
        self.serve = serve
        self.file = file
        self.feed = feed
        self.paths = paths
        self.articles = articles
        self.polling = polling
        self.sources = sources
    }

    /// The built-in defaults, with paths relative to `baseDirectory`.
    public static func defaults(baseDirectory: String) -> Configuration {
        Configuration(paths: Paths(
            seeds: FilePath.resolve("seeds", against: baseDirectory),
            output: FilePath.resolve("feeds", against: baseDirectory),
            state: FilePath.resolve(".state", against: baseDirectory)
        ))
    }

    /// Where the daemon writes its Prometheus metrics; nil when disabled.
    public var metricsFile: String? {
        switch daemon.metricsFile {
        case nil: FilePath.join(paths.state, "feedd.prom")
        case "": nil
        case let path?: path
        }
    }

    /// The feed's id: configured, else `tag:<authority>:feed`.
    public var feedID: String {
        feed.id ?? "tag:\(feed.tagAuthority):feed"
    }

    /// What the outputs fall back to because a setting is missing, and which setting to add: logged once
    /// at start and printed by `feedd check`.
    public var publishingNotes: [String] {
        var notes: [String] = []
        let directory = FileURL.make(path: paths.output, isDirectory: true) ?? paths.output
        if PublishableURL.make(feed.baseURL) == nil {
            notes.append(
                "feed.base_url is not set (or not an http(s) URL): the feeds' self links point at \(directory) "
                    + "and feeds.opml lists none of them; set feed.base_url to the public URL of the output directory")
        }
        if !feed.websubHubs.isEmpty && PublishableURL.make(feed.baseURL) == nil {
            notes.append(
                "feed.websub_hubs is set but feed.base_url is not: the hubs are named in the feeds but never "
                    + "notified (a hub needs the feeds' public URLs); set feed.base_url")
        }
        if PublishableURL.make(feed.siteURL) == nil {
            let fallback = PublishableURL.make(feed.baseURL) ?? directory
            notes.append(
                "feed.site_url is not set (or not an http(s) URL): the RSS channel link is \(fallback) and the "
                    + "Atom feed has no alternate link; set feed.site_url to the site the feed belongs to")
        }
        return notes
    }

    /// How polled entries are normalised and their bodies sanitised (the same when polled and when published).
    public var entryNormalizer: EntryNormalizer {
        EntryNormalizer(
            sanitizer: HTMLSanitizer(policy: SanitizerPolicy(allowedIframeHosts: Set(polling.iframeHosts))),
            tagAuthority: feed.tagAuthority
        )
    }

    /// The feed-level metadata the writers put on every output.
    public var feedDescription: FeedDescription {
        FeedDescription(
            id: feedID,
            title: feed.title,
            subtitle: feed.subtitle,
            author: Author(name: feed.authorName, email: feed.authorEmail, uri: feed.authorURI),
            siteURL: feed.siteURL,
            baseURL: feed.baseURL,
            outputDirectoryURL: FileURL.make(path: paths.output, isDirectory: true),
            language: feed.language,
            files: feed.files,
            hubs: feed.websubHubs.compactMap(PublishableURL.make),
            topics: outputs.map { $0.topic(feed) }
        )
    }
}

/// `[feed]`: what the published feed says about itself and how much it holds.
public struct FeedSettings: Sendable, Hashable {
    public var title = "feedd"
    public var subtitle: String? = nil
    /// The feed's id; nil means `tag:<tag_authority>:feed`.
    public var id: String? = nil
    /// RFC 4151 tagging entity (`example.org,2026`) under which article ids are minted.
    public var tagAuthority = "feedd.invalid,2026"
    public var siteURL: String? = nil
    /// Public URL of the output directory, for `rel="self"` links.
    public var baseURL: String? = nil
    /// WebSub hubs: advertised in every feed and notified after each publish that changed one.
    public var websubHubs: [String] = []
    /// The feed's language and the default when an article's language cannot be detected.
    public var language = "en"
    public var authorName = "feedd"
    public var authorEmail: String? = nil
    public var authorURI: String? = nil
    public var maxEntries = 100
    /// Entries published longer ago than this many days are left out; 0 keeps every age.
    public var maxAgeDays = 0
    public var files = OutputFiles()

    public init() {}
}

/// `[store]`: where the store is kept.
public struct StoreSettings: Sendable, Hashable {
    /// A PostgreSQL database that several instances share; nil keeps SQLite in the state directory.
    public var postgres: PostgresLocation? = nil
    /// The file holding the PostgreSQL password (else `FEEDD_STORE_PASSWORD`, else none).
    public var passwordFile: String? = nil

    public init() {}

    public var choice: StoreChoice {
        postgres.map { .postgres($0, passwordFile: passwordFile) } ?? .sqlite
    }
}

/// `[paths]`: where feedd reads, writes and keeps its state (absolute once resolved).
public struct Paths: Sendable, Hashable {
    public var seeds: String
    public var output: String
    public var state: String

    public init(seeds: String, output: String, state: String) {
        self.seeds = seeds
        self.output = output
        self.state = state
    }
}

/// `[articles]`: how article files are read.
public struct ArticleSettings: Sendable, Hashable {
    /// Files larger than this are rejected with a message.
    public var maxFileSize = 1 << 20
    /// What happens to an article whose file is deleted.
    public var onDelete = DeletePolicy.retract
    /// Publish symbolic links in the seeds directory whose targets lie inside it (off: links are refused).
    public var followSymlinks = false
    /// Let a seeds directory that is found empty retract every stored article (off: an empty directory
    /// where articles were is taken for an unmounted share, and nothing is retracted).
    public var allowEmpty = false

    public init() {}
}

/// `[daemon]`: how the long-running `feedd` watches and reports.
public struct DaemonSettings: Sendable, Hashable {
    /// Quiet time after the last change of a burst before the seeds directory is read.
    public var debounceMilliseconds = 250
    /// A full rescan of the seeds directory at this interval catches what inotify missed.
    public var rescanMinutes = 10
    /// Prometheus text file written after each publish; nil means `<state>/feedd.prom`; "" disables it.
    public var metricsFile: String? = nil

    public init() {}
}

/// `[serve]`: the daemon's built-in HTTP server for the output directory.
public struct ServeSettings: Sendable, Hashable {
    /// Where to listen; nil: no server (a web server of your own serves the directory).
    public var listen: ListenAddress? = nil

    public init() {}
}

/// What to do with the entry of an article whose file disappeared.
public enum DeletePolicy: String, Sendable, Hashable, CaseIterable {
    /// Remove it from the outputs (its dates are remembered if it comes back).
    case retract
    /// Keep publishing it.
    case keep
}
