import FeedIO
import Foundation

/// What `feedd status` reports, read from the store at one instant: the articles, each configured source,
/// and the sources the store knows that the configuration does not name. `StatusReport` renders it.
public struct StatusSnapshot: Sendable {
    /// When the snapshot was read.
    public var generated: Date
    /// The store's database file, and whether it exists (feedd has run with this state directory).
    public var storePath: String
    public var storeExists: Bool
    public var articles: Articles
    /// The sources of this configuration, in its order.
    public var sources: [Source]
    /// Sources the store has polled that this configuration does not name: given with `--subscriptions` on
    /// another command line, or removed from the configuration since. They never make the status unhealthy.
    public var otherSources: [Source]
    /// The instances that share the store (PostgreSQL), the most recently seen first; empty with SQLite.
    public var instances: [InstanceRecord] = []

    /// The configured sources that make the status unhealthy (`State.isFailure`).
    public var failing: [Source] { sources.filter(\.state.isFailure) }

    /// Whether no configured source is failing or gone (`feedd status` exits with `ExitStatus.sourceFailing`
    /// otherwise). Rejected article files are reported, never a failure.
    public var healthy: Bool { failing.isEmpty }
}

extension StatusSnapshot {
    /// The seeds directory as the store last took it in.
    public struct Articles: Sendable {
        public var directory: String
        /// Published article entries (retracted ones left out).
        public var entries: Int
        /// Article files on record, rejected ones included.
        public var files: Int
        /// The last pass that took in a change of the seeds directory (a pass that finds nothing new writes
        /// nothing); nil before one, or on a store older than this record.
        public var lastPass: Date?
        /// Files that gave no entry, with the reason (`ArticleFileRecord.error`), ordered by name.
        public var rejected: [ArticleFileRecord]
    }

    /// One source: as configured, and as the store knows it (nil before its first poll).
    public struct Source: Sendable {
        public var name: String
        public var url: String
        /// False for a source the configuration disables (a source outside the configuration counts as enabled).
        public var enabled: Bool
        public var record: SourceRecord?
        /// Entries stored for it (retracted ones left out).
        public var entries: Int

        public var state: State { State(enabled: enabled, record: record) }
    }

    /// A source's health in one word; the JSON report's `state`.
    public enum State: String, Sendable {
        /// The last fetch succeeded (new content or 304).
        case ok
        /// The last fetch or parse failed (`consecutive_failures` > 0); it is retried with backoff.
        case failing
        /// Never polled yet.
        case neverFetched = "never_fetched"
        /// `enabled = false` in the configuration: not polled, whatever happened before.
        case disabled
        /// The publisher answered 410 Gone: no longer polled until it leaves the configuration.
        case gone

        /// In order: disabled, gone, failing, never fetched, ok.
        init(enabled: Bool, record: SourceRecord?) {
            if !enabled {
                self = .disabled
            } else if let record, record.gone {
                self = .gone
            } else if let record, record.failures > 0 {
                self = .failing
            } else if record?.lastFetch == nil {
                self = .neverFetched
            } else {
                self = .ok
            }
        }

        /// Whether a source in this state makes `feedd status` unhealthy.
        public var isFailure: Bool { self == .failing || self == .gone }
    }
}
