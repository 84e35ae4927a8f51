import FeedCore
import Foundation

/// What the daemon reports after each publish, rendered into `feedd.prom` for node_exporter's textfile collector.
public struct DaemonMetrics: Sendable, Equatable {
    /// Article files currently published from the seeds directory.
    public var articles: Int
    /// How long the last publish took.
    public var publishDuration: Duration
    /// When the last publish finished.
    public var lastPublish: Date
    /// One element per configured source (order does not matter: the output is sorted).
    public var sources: [SourceMetrics]

    public init(articles: Int, publishDuration: Duration, lastPublish: Date, sources: [SourceMetrics]) {
        self.articles = articles
        self.publishDuration = publishDuration
        self.lastPublish = lastPublish
        self.sources = sources
    }
}

/// The numbers kept for one polled source.
public struct SourceMetrics: Sendable, Equatable {
    /// The source's name, used as the `source` label.
    public var source: String
    /// Entries from this source currently in the store.
    public var entries: Int
    /// Fetches since the daemon started, by result.
    public var fetches: FetchCounts
    /// When a fetch last succeeded (`ok` or `not_modified`); nil when never.
    public var lastSuccess: Date?
    /// Failed fetches since the last success.
    public var consecutiveFailures: Int

    public init(source: String, entries: Int, fetches: FetchCounts, lastSuccess: Date?, consecutiveFailures: Int) {
        self.source = source
        self.entries = entries
        self.fetches = fetches
        self.lastSuccess = lastSuccess
        self.consecutiveFailures = consecutiveFailures
    }
}

/// Fetch counts by result: new content, HTTP 304, an error, HTTP 410.
public struct FetchCounts: Sendable, Equatable {
    public var ok: Int
    public var notModified: Int
    public var failed: Int
    public var gone: Int

    public init(ok: Int = 0, notModified: Int = 0, failed: Int = 0, gone: Int = 0) {
        self.ok = ok
        self.notModified = notModified
        self.failed = failed
        self.gone = gone
    }
}
