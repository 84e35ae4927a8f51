import FeedCore
import FeedIO
import Foundation
import Logging

/// Polls the sources that are due, parses what changed and stores their entries.
///
/// A failed fetch or an unparseable body changes no entry: the source keeps its last good entries in the
/// output, and its error (stage, HTTP status, message) is stored and logged by stage, sfeed style:
/// `FAIL (FETCH) name: …`, `FAIL (PARSE) name: …`.
public struct SourcePoller: Sendable {
    public var configuration: Configuration
    public var sources: [SourceSettings]
    public var store: StateStore
    public var fetcher: HTTPFetcher
    public var logger: Logger
    /// A value in [0, 1) for backoff jitter; injectable so tests are repeatable.
    public var random: @Sendable () -> Double
    /// Told how many sources are due, and each one polled.
    public var progress: ProgressSink?

    public init(
        configuration: Configuration, sources: [SourceSettings], store: StateStore, fetcher: HTTPFetcher, logger: Logger,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }, progress: ProgressSink? = nil
    ) {
        self.configuration = configuration
        self.sources = sources
        self.store = store
        self.fetcher = fetcher
        self.logger = logger
        self.random = random
        self.progress = progress
    }

    /// The store records of the configured sources, created for new ones.
    public func records() throws(StoreError) -> [String: SourceRecord] {
        try store.read { tx in
            var records: [String: SourceRecord] = [:]
            for source in sources {
                records[source.url] = try tx.source(url: source.url) ?? SourceRecord(url: source.url, name: source.name)
            }
            return records
        }
    }

    /// The store records a due pass needs: the sources due at `now` (through the schedule index), and the
    /// enabled sources never polled, created. Others are left out: they are not due.
    func dueRecords(now: Date) throws(StoreError) -> [String: SourceRecord] {
        try store.read { tx in
            var records: [String: SourceRecord] = [:]
            for record in try tx.dueSources(at: now) { records[record.url] = record }
            let enabled = sources.filter(\.enabled)
            let known = try tx.knownSources(enabled.map(\.url))
            for source in enabled where !known.contains(source.url) {
                records[source.url] = SourceRecord(url: source.url, name: source.name)
            }
            return records
        }
    }

    /// Polls every enabled source that is due at `now` (every one, gone ones aside, when `all`). On a
    /// shared store the due sources are claimed one by one as slots free up, so that instances split them.
    public func pollDue(now: Date, all: Bool) async throws(StoreError) -> PollReport {
        var queue: DueQueue
        if store.isShared {
            queue = try claimingQueue(now: now, all: all)
        } else {
            let records = all ? try records() : try dueRecords(now: now)
            let due = sources.filter { source in
                guard source.enabled, let record = records[source.url], !record.gone else { return false }
                return all || (record.nextPoll.map { $0 <= now } ?? true)
            }
            queue = DueQueue(pending: due.map { ($0, records[$0.url]!) }, claim: nil)
        }
        var report = PollReport()
        guard queue.expected > 0 else {
            report.skipped = sources.count
            return report
        }
        progress?.report(.polling(sources: queue.expected))
        // At most `max_concurrent` sources are fetched and parsed at once, and each result is stored as soon
        // as it is ready, so memory holds a few documents, never all of them.
        let width = max(1, configuration.polling.maxConcurrent)
        var failure: StoreError?
        var polled = 0
        await withTaskGroup(of: (SourceSettings, SourceRecord, PollResult).self) { group in
            func launch() {
                guard failure == nil else { return }
                let next: (SourceSettings, SourceRecord)?
                do throws(StoreError) {
                    next = try queue.next()
                } catch {
                    failure = error
                    return
                }
                guard let (source, record) = next else { return }
                group.addTask { (source, record, await self.poll(source, record: record, now: now)) }
            }
            for _ in 0..<width { launch() }
            for await (source, record, result) in group {
                launch()
                progress?.report(.polled)
                polled += 1
                guard failure == nil else { continue }
                do throws(StoreError) {
                    try apply(result, source: source, record: record, now: now, report: &report)
                } catch {
                    failure = error
                }
            }
        }
        if let failure { throw failure }
        report.skipped = sources.count - polled
        return report
    }

    /// The due sources of a pass on a shared store: the configured ones get a row (so every instance sees
    /// them), then each is claimed as a fetch slot frees up, never ahead of one (a source waiting its turn
    /// would spend its lease waiting), for a lease long enough to fetch, parse and store it; a claim finds
    /// nothing once every due source is taken.
    func claimingQueue(now: Date, all: Bool) throws(StoreError) -> DueQueue {
        let enabled = sources.filter(\.enabled)
        let byURL = Dictionary(enabled.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        let urls = Array(byURL.keys)
        let expected = try store.writeBookkeeping { tx in
            try tx.addSources(enabled.map { ($0.url, $0.name) })
            return all ? urls.count : try tx.dueSources(at: now).filter { byURL[$0.url] != nil }.count
        }
        let lease = Double(2 * configuration.polling.timeoutSeconds + 30)
        let started = ContinuousClock.now
        let (store, owner) = (store, store.instanceID)
        return DueQueue(pending: [], expected: expected) { () throws(StoreError) in
            let elapsed = ContinuousClock.now - started
            let clock = now.addingTimeInterval(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            let claimed = try store.writeBookkeeping { tx in
                try tx.claimDueSources(urls, at: now, all: all, owner: owner, leaseClock: clock, until: clock.addingTimeInterval(lease), limit: 1)
            }
            return claimed.compactMap { record in byURL[record.url].map { ($0, record) } }
        }
    }

    // MARK: Fetch and parse (concurrent, no store access)

    enum PollResult: Sendable {
        /// The feed, and its entries normalised (sanitised, filtered, capped) off the store's thread.
        case parsed(ParsedFeed, [Candidate], FetchMetadata)
        case notModified(FetchMetadata)
        case gone(FetchMetadata)
        case fetchFailed(FetchFailure)
        case parseFailed(String, FetchMetadata)
    }

    func poll(_ source: SourceSettings, record: SourceRecord, now: Date) async -> PollResult {
        let outcome: FetchOutcome
        if let path = SourceLocation.filePath(source.url) {
            outcome = LocalFeed.read(path: path, previousETag: record.etag, limit: configuration.polling.maxBodySize)
        } else {
            outcome = await fetcher.fetch(FetchRequest(
                url: record.permanentURL ?? source.url, etag: record.etag, lastModified: record.lastModified,
                allowPrivateRedirects: source.allowPrivateRedirects,
                access: source.fetchAccess(globalProxy: configuration.polling.httpProxy)
            ), now: { now })
        }
        switch outcome {
        case let .fetched(document):
            do {
                // The fetch's deadline bounds the parse too; a local file gets the same time from now.
                let deadline = document.deadline ?? ContinuousClock.now + .seconds(configuration.polling.timeoutSeconds)
                let options = FeedParserOptions(maxBytes: configuration.polling.maxBodySize, deadline: deadline)
                var feed = try FeedParser(options: options)
                    .parse(document.body, documentURL: document.metadata.finalURL, httpCharset: document.charset)
                let candidates = normalize(feed, source: source, now: now)
                feed.entries = []
                return .parsed(feed, candidates, document.metadata)
            } catch {
                return .parseFailed(error.description, document.metadata)
            }
        case let .notModified(metadata): return .notModified(metadata)
        case let .gone(metadata): return .gone(metadata)
        case let .failed(failure): return .fetchFailed(failure)
        }
    }

    // MARK: Store (serial)

    /// Records what one poll gave: the source's record (and, for a new document, its entries) in one
    /// transaction, then the report's counts and one log line.
    private func apply(_ result: PollResult, source: SourceSettings, record: SourceRecord, now: Date, report: inout PollReport) throws(StoreError) {
        var record = record
        record.name = source.name
        record.lastFetch = now
        let interval = Double(source.intervalMinutes ?? configuration.polling.intervalMinutes) * 60
        let outcome: PollReport.Result
        var candidates: [Candidate] = []
        switch result {
        case let .parsed(feed, parsed, metadata):
            noteRedirect(metadata.permanentURL, source: source, record: &record)
            candidates = parsed
            record.title = feed.title.map { EntryNormalizer().plainText($0) } ?? record.title
            record.siteURL = feed.link ?? record.siteURL
            record.feedID = feed.id ?? record.feedID
            record.feedUpdated = feed.updated ?? feed.published ?? record.feedUpdated
            record.etag = metadata.etag
            record.lastModified = metadata.lastModified
            record.hints = Self.hints(metadata.hints, feed: feed)
            succeed(&record, status: metadata.status, interval: interval, now: now)
            outcome = .fetched
        case let .notModified(metadata):
            noteRedirect(metadata.permanentURL, source: source, record: &record)
            record.etag = metadata.etag ?? record.etag
            record.lastModified = metadata.lastModified ?? record.lastModified
            record.hints.maxAge = metadata.hints.maxAge
            record.hints.expiresIn = metadata.hints.expiresIn
            succeed(&record, status: metadata.status, interval: interval, now: now)
            outcome = .notModified
        case let .gone(metadata):
            record.gone = true
            record.lastStatus = metadata.status
            record.lastErrorStage = "FETCH"
            record.lastError = "HTTP 410 Gone: the publisher removed the feed; it is no longer polled (remove it from the configuration)"
            record.nextPoll = nil
            outcome = .gone
        case let .fetchFailed(failure):
            noteRedirect(failure.permanentURL, source: source, record: &record)
            fail(&record, stage: "FETCH", status: failure.status, message: failure.message, retryAfter: failure.retryAfter, now: now)
            outcome = .failed
        case let .parseFailed(message, metadata):
            noteRedirect(metadata.permanentURL, source: source, record: &record)
            fail(&record, stage: "PARSE", status: metadata.status, message: message, retryAfter: nil, now: now)
            outcome = .failed
        }
        var stored = (added: 0, updated: 0)
        try store.write { tx in
            if case .parsed = result { stored = try storeEntries(candidates, source: source, now: now, tx: tx) }
            try tx.saveSource(record)
            if store.isShared { try tx.releaseSource(url: record.url, owner: store.instanceID) }
        }
        report.results[source.url] = outcome
        report.added += stored.added
        report.updated += stored.updated
        switch result {
        case let .parsed(feed, _, metadata):
            report.fetched += 1
            let bozo = feed.bozo ? " (recovered: \(feed.bozoMessage ?? "malformed"))" : ""
            logger.info("OK (FETCH) \(source.name): HTTP \(metadata.status), \(candidates.count) entries, \(stored.added) new, \(stored.updated) changed\(bozo)")
        case .notModified:
            report.notModified += 1
            logger.debug("OK (FETCH) \(source.name): not modified")
        case .gone:
            report.failed += 1
            logger.warning("FAIL (FETCH) \(source.name): \(record.lastError ?? "gone")")
        case .fetchFailed, .parseFailed:
            report.failed += 1
            let kept = record.lastErrorStage == "PARSE" ? "; last good entries kept, retry in " : "; retry in "
            let retry = DurationText.describe((record.nextPoll ?? now).timeIntervalSince(now))
            logger.warning("FAIL (\(record.lastErrorStage ?? "FETCH")) \(source.name): \(record.lastError ?? "")\(kept)\(retry)")
        }
    }

    /// One entry ready to store: prepared (its body still as written), whether the feed dated it, and its
    /// place in the feed.
    struct Candidate: Sendable {
        var prepared: EntryNormalizer.Prepared
        var dated: Bool
        var position: Int

        var entry: Entry { prepared.entry }
    }

    /// The feed's entries, prepared (plain titles; bodies are sanitised when first published), filtered and
    /// capped; pure CPU work that runs in the polling task, so the store is held only for the upserts.
    func normalize(_ feed: ParsedFeed, source: SourceSettings, now: Date) -> [Candidate] {
        let normalizer = configuration.entryNormalizer
        let filter = EntryFilter(include: source.include, exclude: source.exclude)
        var candidates: [Candidate] = []
        for (position, parsed) in feed.entries.enumerated() {
            let prepared = normalizer.prepare(parsed, feed: feed, feedURL: source.url, category: source.category, firstSeen: now)
            guard filter.accepts(prepared) else { continue }
            candidates.append(Candidate(prepared: prepared, dated: parsed.published != nil || parsed.updated != nil, position: position))
        }
        if let cap = source.maxEntries, candidates.count > cap {
            candidates.sort { $0.entry.published > $1.entry.published }
            candidates = Array(candidates.prefix(cap))
        }
        return candidates
    }

    /// Upserts the candidates, marks which are still in the feed, prunes old ones.
    private func storeEntries(_ candidates: [Candidate], source: SourceSettings, now: Date, tx: StoreTransaction) throws -> (added: Int, updated: Int) {
        var added = 0, updated = 0
        let existing = try candidates.map { try tx.entry(source: source.url, id: $0.entry.id) }
        // New entries the feed leaves undated are first seen now: each at its own second, the feed's first
        // item the latest (feeds list newest first), none at an instant another entry holds.
        let undated = candidates.indices.filter { !candidates[$0].dated && existing[$0] == nil }
            .sorted { candidates[$0].position < candidates[$1].position }
        let instants = try DistinctInstants.take(undated.count, at: now, source: source.url, tx: tx)
        try DistinctInstants.record(instants, tx: tx)
        let firstSeen = Dictionary(uniqueKeysWithValues: zip(undated, instants.reversed()))
        for (index, candidate) in candidates.enumerated() {
            let hash = candidate.prepared.contentHash
            let existing = existing[index]
            if let existing, existing.contentHash == hash, existing.retractedAt == nil { continue }
            var entry = candidate.entry
            if let instant = firstSeen[index] {
                entry.published = instant
                entry.updated = instant
            }
            if !candidate.dated, let existing {
                // An undated entry keeps the date feedd first saw it.
                entry.published = existing.entry.published
                entry.updated = existing.entry.updated
            }
            // A blank hash is a store from before hashes covered the body as written: unknown, not changed.
            let hashKnown = existing?.contentHash.isEmpty == false
            if let existing, hashKnown, existing.contentHash != hash, entry.updated <= existing.entry.updated {
                // The content changed but the feed did not move its date: the change is now.
                entry.updated = max(now, existing.entry.updated)
            }
            if let existing, !hashKnown, entry.updated < existing.entry.updated {
                entry.updated = existing.entry.updated
            }
            try tx.saveEntry(StoredEntry(
                source: source.url, origin: source.url, contentHash: hash, entry: entry, pendingBody: candidate.prepared.body
            ))
            if existing == nil { added += 1 } else if hashKnown { updated += 1 }
        }
        try tx.markSeen(source: source.url, ids: candidates.map(\.entry.id), at: now)
        let olderThan = configuration.feed.maxAgeDays > 0 ? now.addingTimeInterval(-Double(configuration.feed.maxAgeDays) * 86_400) : nil
        try tx.pruneEntries(source: source.url, seenBefore: now, keep: max(200, configuration.feed.maxEntries), olderThan: olderThan)
        return (added, updated)
    }

    private func succeed(_ record: inout SourceRecord, status: Int, interval: Double, now: Date) {
        record.failures = 0
        record.lastSuccess = now
        record.lastStatus = status
        record.lastErrorStage = nil
        record.lastError = nil
        record.nextPoll = PollSchedule.nextPoll(after: now, interval: interval, hints: record.hints)
    }

    private func fail(_ record: inout SourceRecord, stage: String, status: Int?, message: String, retryAfter: Double?, now: Date) {
        record.failures += 1
        record.lastStatus = status
        record.lastErrorStage = stage
        record.lastError = message
        let backoff = Backoff.delay(failures: record.failures, unitRandom: random())
        record.nextPoll = now.addingTimeInterval(max(backoff, min(retryAfter ?? 0, Backoff.defaultCap)))
    }

    private func noteRedirect(_ permanentURL: String?, source: SourceSettings, record: inout SourceRecord) {
        guard let permanentURL, permanentURL != record.permanentURL, permanentURL != source.url else { return }
        record.permanentURL = permanentURL
        logger.notice("MOVED \(source.name): \(source.url) redirects permanently to \(permanentURL); feedd uses the new URL from now on, update the configuration")
    }

    /// Header hints from this response plus the feed's own (ttl, syndication module, skipHours/Days).
    static func hints(_ headers: PublisherHints, feed: ParsedFeed) -> PublisherHints {
        var hints = headers
        hints.ttlMinutes = feed.ttl
        hints.updatePeriod = feed.updatePeriod
        hints.updateFrequency = feed.updateFrequency
        hints.skipHours = feed.skipHours
        hints.skipDays = feed.skipDays
        return hints
    }
}

/// Counts from one polling pass.
public struct PollReport: Sendable, Hashable {
    /// How each polled source's fetch ended, by source URL.
    public enum Result: Sendable, Hashable { case fetched, notModified, failed, gone }

    public var results: [String: Result] = [:]
    public var fetched = 0
    public var notModified = 0
    public var failed = 0
    public var skipped = 0
    public var added = 0
    public var updated = 0

    public init() {}

    public var changedEntries: Bool { added + updated > 0 }
}
