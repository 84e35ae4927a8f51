import FeedCore
import FeedIO
import Foundation
import Logging

/// One complete pass, as `feedd --once` runs it: lock, ingest the seeds directory, publish.
public struct OncePass: Sendable {
    public var configuration: Configuration
    public var logger: Logger
    /// Wait for the state lock instead of failing at once when another feedd holds it.
    public var waitForLock: Bool
    /// Poll every source now, not only the due ones.
    public var pollAll: Bool
    /// An OPML file of further subscriptions (`--subscriptions`).
    public var extraSubscriptions: String?
    /// Where the pass reports how far it is (a progress line on a terminal).
    public var progress: ProgressSink?

    public init(
        configuration: Configuration, logger: Logger, waitForLock: Bool = false, pollAll: Bool = false,
        extraSubscriptions: String? = nil, progress: ProgressSink? = nil
    ) {
        self.configuration = configuration
        self.logger = logger
        self.waitForLock = waitForLock
        self.pollAll = pollAll
        self.extraSubscriptions = extraSubscriptions
        self.progress = progress
    }

    /// Runs the pass at `now`: the sources resolved, the state directory opened (lock, then store), the
    /// pipeline run once. Throws a `StatusError` (configuration, lock, store, seeds, publish).
    public func run(now: Date) async throws -> OnceReport {
        let sources = try SourceList.resolve(configuration, extraSubscriptions: extraSubscriptions)
        let state = try StateDirectory(path: configuration.paths.state, waitForLock: waitForLock, store: configuration.store.choice)
        defer { withExtendedLifetime(state) {} }
        return try await Pipeline(
            configuration: configuration, sources: sources, store: state.store, logger: logger, progress: progress
        ).runOnce(now: now, pollAll: pollAll)
    }
}

/// What one pass did.
public struct OnceReport: Sendable, Hashable {
    public var ingest: IngestReport
    public var poll: PollReport
    public var publish: PublishReport

    /// One line for the log.
    public var summary: String {
        let i = ingest
        let written = publish.written.isEmpty ? "no output changed" : "wrote \(publish.written.joined(separator: ", "))"
        let p = poll
        let polled = p.fetched + p.notModified + p.failed == 0 ? "no source due"
            : "sources: \(p.fetched) fetched, \(p.notModified) not modified, \(p.failed) failed, \(p.added) new entries, \(p.updated) changed"
        return "once: \(i.scanned) article files (\(i.added) new, \(i.updated) changed, \(i.unchanged) unchanged, "
            + "\(i.rejected) skipped, \(i.retracted) retracted); \(polled); \(written)"
    }
}
