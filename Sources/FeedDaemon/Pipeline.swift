import FeedCore
import FeedIO
import Foundation
import Logging

/// The one pipeline: ingest the seeds directory, poll the due sources, publish the outputs. `feedd --once`
/// runs it once (`runOnce`); the daemon runs its steps as events call for them. Both hold the state
/// directory's lock while they do.
public struct Pipeline: Sendable {
    public var configuration: Configuration
    /// The sources in force (configuration and subscriptions files).
    public var sources: [SourceSettings]
    public let store: StateStore
    public var logger: Logger
    /// Where the ingest and the poller report how far they are (a progress line on a terminal).
    public var progress: ProgressSink?

    public init(
        configuration: Configuration, sources: [SourceSettings], store: StateStore, logger: Logger, progress: ProgressSink? = nil
    ) {
        self.configuration = configuration
        self.sources = sources
        self.store = store
        self.logger = logger
        self.progress = progress
    }

    /// Says once what the outputs fall back to for want of a setting (`Configuration.publishingNotes`).
    public func logPublishingNotes() {
        for note in configuration.publishingNotes { logger.notice("config: \(note)") }
    }

    /// Brings the store up to date with the seeds directory.
    public func ingest(now: Date) async throws(StoreError) -> IngestReport {
        try await ArticleIngest(configuration: configuration, store: store, logger: logger, progress: progress).run(now: now)
    }

    /// Polls the due sources (every one when `all`) with an HTTP client that lives for this step only:
    /// between passes, minutes apart, no idle connection or buffer is kept.
    public func poll(now: Date, all: Bool) async throws(StoreError) -> PollReport {
        guard !sources.isEmpty else { return PollReport() }
        return try await HTTPFetcher.withFetcher(settings: configuration.polling.fetcherSettings) { fetcher throws(StoreError) in
            try await SourcePoller(
                configuration: configuration, sources: sources, store: store, fetcher: fetcher, logger: logger, progress: progress
            ).pollDue(now: now, all: all)
        }
    }

    /// Writes every output whose bytes change. On a shared store only the instance that holds the
    /// publisher role writes them; the others leave them alone (an empty report).
    public func publish(now: Date) throws(PublishFailure) -> PublishReport {
        guard store.holdsPublisherRole() else {
            logger.debug("publish: another instance holds the publisher role; the outputs are its to write")
            return PublishReport()
        }
        do {
            return try Publisher(configuration: configuration, sources: sources, store: store, logger: logger).publish(now: now)
        } catch {
            throw PublishFailure(directory: configuration.paths.output, reason: "\(error)")
        }
    }

    /// What a publish changed that WebSub hubs must hear of: the hubs and the changed feeds' public URLs
    /// (nil when there is nothing to say, or no public URL to say it with).
    public func hubNews(after report: PublishReport) -> (hubs: [String], topics: [String])? {
        let description = configuration.feedDescription
        let topics = description.feedURLs(among: report.written)
        guard !description.hubs.isEmpty, !topics.isEmpty else { return nil }
        return (description.hubs, topics)
    }

    /// Notifies the hubs of what `report` changed (`attempts` tries each, waits of 1 s, 4 s, 16 s… between).
    public func notifyHubs(after report: PublishReport, attempts: Int) async {
        guard let news = hubNews(after: report) else { return }
        let notifier = HubNotifier(
            userAgent: configuration.polling.userAgent, timeoutSeconds: configuration.polling.timeoutSeconds, attempts: attempts
        )
        _ = await notifier.notify(hubs: news.hubs, topics: news.topics, logger: logger)
    }

    /// Whether the outputs may be written after `ingest`: not when the seeds directory could not be read on
    /// a store that never completed a pass (they would claim there are no articles).
    public func mayPublish(after ingest: IngestReport) -> Bool {
        !ingest.scanFailed || ((try? ArticleIngest.hasCompletedPass(store)) ?? false)
    }

    /// One whole pass, as `feedd --once` runs it. A seeds directory that could not be read keeps the stored
    /// articles, lets the sources be polled and published, and ends the pass with `SeedsUnreadable`.
    public func runOnce(now: Date, pollAll: Bool) async throws -> OnceReport {
        logPublishingNotes()
        let ingest = try await ingest(now: now)
        let poll = try await poll(now: now, all: pollAll)
        let mayPublish = mayPublish(after: ingest)
        let publish = mayPublish ? try publish(now: now) : PublishReport()
        // A hub that fails is retried a little (this run is all there is), never made an error of the pass.
        await notifyHubs(after: publish, attempts: 3)
        let report = OnceReport(ingest: ingest, poll: poll, publish: publish)
        // The progress line goes before the summary takes its place.
        progress?.report(.finished)
        logger.info("\(report.summary)")
        if ingest.scanFailed { throw SeedsUnreadable(directory: configuration.paths.seeds, published: mayPublish) }
        return report
    }
}

/// The seeds directory could not be read (missing, unreadable, or empty where articles were).
public struct SeedsUnreadable: StatusError {
    public var directory: String
    /// Whether the pass published all the same (with the articles as stored).
    public var published: Bool

    public var exitStatus: ExitStatus { .noInput }

    public var description: String {
        "the seeds directory \(directory) could not be read (see FAIL (SCAN) above); "
            + (published ? "the articles stay as last published" : "nothing was published")
    }
}

/// The outputs could not be written.
public struct PublishFailure: StatusError {
    public var directory: String
    public var reason: String

    public var exitStatus: ExitStatus { .ioError }
    public var description: String { "FAIL (PUBLISH) \(directory): \(reason)" }
}

extension ConfigurationError: StatusError {
    public var exitStatus: ExitStatus { .configuration }
}
