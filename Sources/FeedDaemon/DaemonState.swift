import FeedCore
import FeedIO
import FeedServe
import Foundation
import Logging

/// The daemon's working state, owned by its event loop: configuration in force, schedule, metrics.
struct DaemonState {
    var configuration: Configuration
    var sources: [SourceSettings]
    let store: StateStore
    let notifier: SystemdNotifier
    let logger: Logger
    /// When the slow full rescan of the seeds directory is next due.
    var nextRescan = Date.distantPast
    /// The earliest `nextPoll` of an enabled source; nil when none is scheduled.
    var nextPollDue: Date?
    var fetchCounts: [String: FetchCounts] = [:]
    var lastPublish: Date?
    var lastPublishDuration: Duration = .zero
    /// The STATUS= line ("next poll in 4 min") is refreshed at least this often.
    var nextStatus = Date.distantPast
    /// What the last pass over the seeds directory found.
    var lastIngest = IngestReport()
    /// What the built-in server answers with, when `[serve] listen` is set.
    let serveState: ServeState?
    /// Why the last publish failed; nil once one succeeds.
    var publishError: String?
    /// On a shared store: whether this instance held the publisher role at the last tick, and the store's
    /// generation then.
    var isPublisher = false
    var seenGeneration: Int?
    /// Where news for WebSub hubs goes: a task beside the loop notifies them, so a slow hub holds no pass.
    var hubNews: AsyncStream<HubNews>.Continuation?
    /// Where the first pass reports how far it is (a progress line on a terminal); nil once it is over.
    var progress: ProgressSink?

    init(
        configuration: Configuration, sources: [SourceSettings], store: StateStore, notifier: SystemdNotifier, logger: Logger,
        serveState: ServeState? = nil
    ) {
        self.configuration = configuration
        self.sources = sources
        self.store = store
        self.notifier = notifier
        self.logger = logger
        self.serveState = serveState
    }

    /// The first pass: a full scan and a publish, so the outputs stand (with every stored entry) before
    /// READY=1. The due polls come next, as the loop's first event (`firstPollsDue`): thousands of sources
    /// take minutes, longer than a service manager waits for a start, and a stop may come meanwhile.
    mutating func startUp() async {
        if store.isShared { _ = sharedStoreTick(now: Date()) }
        let changed = await ingest(now: Date())
        await publish(force: mayForcePublish, changed: changed)
        if sources.isEmpty {
            endFirstPass()
        } else {
            nextPollDue = .distantPast
        }
        updateServer()
    }

    /// Whether the start-up polls are still to come (the loop's first event runs them).
    var firstPollsDue: Bool { nextPollDue == .distantPast }

    /// Ends the first pass's progress line (after its polls, or at once without sources).
    mutating func endFirstPass() {
        progress?.report(.finished)
        progress = nil
    }

    /// The pipeline with the configuration and sources in force.
    var pipeline: Pipeline {
        Pipeline(configuration: configuration, sources: sources, store: store, logger: logger, progress: progress)
    }

    /// Whether a publish may be forced though nothing changed (see `Pipeline.mayPublish(after:)`).
    var mayForcePublish: Bool { pipeline.mayPublish(after: lastIngest) }

    mutating func handle(_ event: DaemonEvent, reload: @Sendable () throws(ConfigurationError) -> Configuration, extraSubscriptions: String?) async {
        switch event {
        case let .seeds(batch):
            logger.debug("watch: \(batch.names.count) names changed\(batch.rescanNeeded ? ", rescan" : "")")
            let changed = await ingest(now: Date())
            await publish(force: false, changed: changed)
        case .tick:
            let now = Date()
            let rescanDue = now >= nextRescan
            let pollDue = nextPollDue.map { $0 <= now } ?? false
            // On a shared store other instances change it too: the publisher looks for their changes.
            let othersChanged = store.isShared ? sharedStoreTick(now: now) : false
            // An idle tick touches nothing: no store read, no status line (a shared store's tick aside).
            guard rescanDue || pollDue || othersChanged || now >= nextStatus else { return }
            var changed = othersChanged
            if rescanDue { changed = await ingest(now: now) }
            if pollDue { changed = await poll(all: false) || changed }
            await publish(force: false, changed: changed)
        case .pollAll:
            logger.info("SIGUSR1: polling every source now")
            let changed = await poll(all: true)
            await publish(force: false, changed: changed)
        case .reload:
            await reloadConfiguration(reload, extraSubscriptions: extraSubscriptions)
        }
        try? notifier.status(statusLine())
        nextStatus = Date().addingTimeInterval(60)
        store.releaseMemory()
        MemoryRelease.trim()
    }

    // MARK: Shared store

    /// A tick on a shared (PostgreSQL) store: whether this instance holds the publisher role (taken when no
    /// live instance holds it; the lock dies with its holder), records this instance, and says whether the
    /// outputs need a publish:
    /// the role was just taken, or the store's generation moved (another instance polled or ingested).
    mutating func sharedStoreTick(now: Date) -> Bool {
        // (The daemon's role watcher takes the role and reports it; this reads where it stands now.)
        let publisher = store.holdsPublisherRole()
        let tookOver = publisher && !isPublisher
        isPublisher = publisher
        do {
            let seeds = configuration.paths.seeds
            try store.recordInstance(publisher: publisher, seeds: seeds.isEmpty ? nil : seeds, now: now)
        } catch {
            logger.warning("store: cannot record this instance: \(error)")
        }
        let generation = try? store.read { try $0.generation() }
        defer { seenGeneration = generation ?? seenGeneration }
        return publisher && (tookOver || (generation != nil && generation != seenGeneration))
    }

    // MARK: Pipeline steps

    /// A full pass over the seeds directory; true when entries changed.
    mutating func ingest(now: Date) async -> Bool {
        nextRescan = now.addingTimeInterval(Double(configuration.daemon.rescanMinutes) * 60)
        do {
            lastIngest = try await pipeline.ingest(now: now)
            return lastIngest.changedEntries
        } catch {
            logger.error("FAIL (INGEST) \(configuration.paths.seeds): \(error)")
            return false
        }
    }

    /// Polls the due sources (or all); true when entries changed.
    mutating func poll(all: Bool) async -> Bool {
        guard !sources.isEmpty else { return false }
        defer {
            nextPollDue = try? earliestPoll()
            endFirstPass()
        }
        do {
            let report = try await pipeline.poll(now: Date(), all: all)
            for (url, result) in report.results {
                var counts = fetchCounts[url] ?? FetchCounts()
                switch result {
                case .fetched: counts.ok += 1
                case .notModified: counts.notModified += 1
                case .failed: counts.failed += 1
                case .gone: counts.gone += 1
                }
                fetchCounts[url] = counts
            }
            return report.changedEntries
        } catch {
            logger.error("FAIL (POLL) \(error)")
            return false
        }
    }

    /// Writes the outputs when entries changed (or always, at start-up and after a reload), then the metrics.
    mutating func publish(force: Bool, changed: Bool) async {
        defer {
            store.releaseMemory()
            MemoryRelease.trim()
        }
        guard force || changed else { return }
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let report = try pipeline.publish(now: Date())
            lastPublishDuration = clock.now - started
            lastPublish = Date()
            publishError = nil
            if !report.written.isEmpty { logger.info("publish: wrote \(report.written.joined(separator: ", "))") }
            if let news = pipeline.hubNews(after: report) { hubNews?.yield(HubNews(hubs: news.hubs, topics: news.topics)) }
        } catch {
            logger.error("\(error.description)")
            publishError = error.description
            updateServer()
            return
        }
        writeMetrics()
        updateServer()
    }

    /// Gives the built-in server the output files as they are now (read again only where they changed),
    /// the metrics and the daemon's health.
    func updateServer() {
        guard let serveState else { return }
        let problems = serveState.refresh(
            directory: configuration.paths.output, outputFiles: configuration.feed.files,
            cacheSeconds: configuration.polling.intervalMinutes * 60
        )
        for problem in problems { logger.warning("serve: \(problem); not served") }
        if let text = metricsText() { serveState.setMetrics(text) }
        if let publishError {
            serveState.setHealth(ServeState.Health(ok: false, message: "publish failing: \(publishError)"))
        } else {
            let when = lastPublish.map { "last publish " + FeedDate.rfc3339($0) } ?? "outputs from an earlier run"
            serveState.setHealth(ServeState.Health(ok: true, message: "ok: \(sources.count) sources, \(when)"))
        }
    }

    func earliestPoll() throws -> Date? {
        try Self.earliestPoll(sources: sources, store: store)
    }

    /// When the next of the enabled `sources` is due (nil: none has a schedule yet, or all are gone): the
    /// soonest rows of the schedule index, read past only when all of them are sources no longer enabled.
    static func earliestPoll(sources: [SourceSettings], store: StateStore) throws -> Date? {
        let enabled = Set(sources.filter(\.enabled).map(\.url))
        guard !enabled.isEmpty else { return nil }
        return try store.read { tx in
            var limit = 64
            while true {
                let upcoming = try tx.upcomingPolls(limit: limit)
                if let first = upcoming.first(where: { enabled.contains($0.url) }) { return first.nextPoll ?? .distantPast }
                if upcoming.count < limit { return nil }
                limit *= 8
            }
        }
    }

    // MARK: Reload

    mutating func reloadConfiguration(_ reload: @Sendable () throws(ConfigurationError) -> Configuration, extraSubscriptions: String?) async {
        try? notifier.reloading(status: "reloading the configuration")
        let fresh: Configuration
        let freshSources: [SourceSettings]
        do {
            fresh = try reload()
            freshSources = try SourceList.resolve(fresh, extraSubscriptions: extraSubscriptions)
        } catch {
            logger.error("SIGHUP: \(error.description); the current configuration stays in force")
            try? notifier.ready(status: statusLine())
            return
        }
        if fresh.paths.state != configuration.paths.state {
            logger.warning("SIGHUP: paths.state changed; it takes effect at the next restart")
        }
        if fresh.serve.listen != configuration.serve.listen {
            logger.warning("SIGHUP: serve.listen changed; it takes effect at the next restart")
        }
        var next = fresh
        next.paths.state = configuration.paths.state
        configuration = next
        sources = freshSources
        logger.info("SIGHUP: configuration reloaded from \(fresh.file ?? "built-in defaults"): \(freshSources.count) sources")
        for note in fresh.publishingNotes { logger.notice("config: \(note)") }
        let changed = await ingest(now: Date())
        let polled = await poll(all: false)
        await publish(force: mayForcePublish, changed: changed || polled)
        updateServer()
        try? notifier.ready(status: statusLine())
    }

    // MARK: Reporting

    /// `STATUS=` for systemd: "12 sources, 340 entries, next poll in 4 min".
    func statusLine() -> String {
        let entries = (try? store.read { try $0.entryCount(source: StateStore.articlesSource) }) ?? 0
        var line = "\(sources.count) source\(sources.count == 1 ? "" : "s"), \(entries) article\(entries == 1 ? "" : "s")"
        if firstPollsDue {
            line += ", polling"
        } else if let due = nextPollDue {
            let seconds = max(0, due.timeIntervalSinceNow)
            line += ", next poll in " + DurationText.describe(seconds)
        }
        return line
    }

    func writeMetrics() {
        guard let path = configuration.metricsFile, let text = metricsText() else { return }
        do {
            try AtomicFile.write(Array(text.utf8), to: path)
        } catch {
            logger.warning("FAIL (METRICS) \(path): \(error)")
        }
    }

    /// The metrics in Prometheus' text format (`feedd.prom`, `/metrics`); nil when the store cannot be read.
    func metricsText() -> String? {
        do {
            let articles = try store.read { try $0.entryCount(source: StateStore.articlesSource) }
            let records = try store.read { tx in try sources.map { ($0, try tx.source(url: $0.url), try tx.entryCount(source: $0.url)) } }
            let metrics = DaemonMetrics(
                articles: articles,
                publishDuration: lastPublishDuration,
                lastPublish: lastPublish ?? Date(),
                sources: records.map { source, record, entries in
                    SourceMetrics(
                        source: source.name, entries: entries, fetches: fetchCounts[source.url] ?? FetchCounts(),
                        lastSuccess: record?.lastSuccess, consecutiveFailures: record?.failures ?? 0
                    )
                }
            )
            return metrics.prometheusText
        } catch {
            logger.warning("FAIL (METRICS) \(error)")
            return nil
        }
    }
}

/// Feeds that changed, for the hubs that must hear of it.
struct HubNews: Sendable {
    var hubs: [String]
    var topics: [String]
}
