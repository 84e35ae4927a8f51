import FeedCore
import FeedIO
import Foundation
import Logging

/// Renders the stored entries into the output files, replacing each atomically and only when its bytes change.
public struct Publisher: Sendable {
    public var configuration: Configuration
    public var store: StateStore
    public var logger: Logger

    public init(configuration: Configuration, store: StateStore, logger: Logger) {
        self.configuration = configuration
        self.store = store
        self.logger = logger
    }

    /// The entries the outputs show at `now`: visible, newest first, within `max_entries` and `max_age_days`.
    public func entries(now: Date) throws(StoreError) -> [Entry] {
        let feed = configuration.feed
        let floor = feed.maxAgeDays > 0 ? now.addingTimeInterval(-Double(feed.maxAgeDays) * 86_400) : nil
        return try store.read { try $0.visibleEntries(limit: feed.maxEntries, notBefore: floor) }
    }

    /// The rendered output files, by file name; pure apart from the store read.
    public func render(now: Date) throws(StoreError) -> [(name: String, bytes: [UInt8])] {
        let entries = try entries(now: now)
        let description = configuration.feedDescription
        // An empty feed still needs an `updated`: the last change the store knows, so reruns stay byte-identical.
        let emptyUpdated = entries.isEmpty
            ? (try store.read { try $0.lastChange() } ?? Date(timeIntervalSince1970: 0))
            : Date(timeIntervalSince1970: 0)
        let files = description.files
        return [
            (files.atom, AtomWriter.write(feed: description, entries: entries, emptyFeedUpdated: emptyUpdated)),
            (files.rss, RSSWriter.write(feed: description, entries: entries, emptyFeedUpdated: emptyUpdated)),
            (files.json, JSONFeedWriter.write(feed: description, entries: entries)),
            (files.opml, OPMLWriter.write(feed: description, subscriptions: [], dateCreated: nil)),
        ]
    }

    /// Writes every output whose bytes differ from what is on disk.
    public func publish(now: Date) throws -> PublishReport {
        let directory = configuration.paths.output
        try DirectoryScanner.createDirectory(directory)
        var report = PublishReport()
        for (name, bytes) in try render(now: now) {
            let path = FilePath.join(directory, name)
            if try AtomicFile.write(bytes, to: path) {
                report.written.append(name)
                logger.info("publish \(path): written (\(bytes.count) bytes)")
            } else {
                report.unchanged.append(name)
            }
        }
        return report
    }
}

/// Which outputs a publish replaced and which it left untouched.
public struct PublishReport: Sendable, Hashable {
    public var written: [String] = []
    public var unchanged: [String] = []

    public init() {}
}
