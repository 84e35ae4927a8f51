import FeedCore
import FeedIO
import Foundation
import Logging

/// Brings the store up to date with the seeds directory: new and changed files are parsed, vanished ones retracted.
///
/// Only files whose size or mtime changed since the last pass are read, and a directory whose listing (names,
/// sizes, mtimes) has the digest recorded by the last complete pass reads no row of the store either. One bad
/// file is logged with its path and reason and never stops the others.
///
/// Dates: the articles a pass adds or changes get distinct instants, one second apart, counting back from
/// the pass's time and skipping seconds that other articles already hold: new files in file-name order,
/// then changed ones (so an edit always moves `updated` forward). Readers order a first import of many
/// articles as the seeds are numbered, and no two articles share an `updated` (the W3C validator warns).
public struct ArticleIngest: Sendable {
    public var configuration: Configuration
    public var store: StateStore
    public var logger: Logger
    /// Told how many files the pass reads, and each one as it is stored (read, parsed, written).
    public var progress: ProgressSink?
    /// Files parsed together and stored in one transaction (bounds memory on a cold start).
    static let batchSize = 512

    /// Whether article texts go into the store as they are read (`Publisher.keepsArticleTexts`).
    var keepsTexts: Bool { Publisher.keepsArticleTexts(configuration, store: store) }

    public init(configuration: Configuration, store: StateStore, logger: Logger, progress: ProgressSink? = nil) {
        self.configuration = configuration
        self.store = store
        self.logger = logger
        self.progress = progress
    }

    /// One pass over the seeds directory at time `now`.
    public func run(now: Date) async throws(StoreError) -> IngestReport {
        let directory = configuration.paths.seeds
        var report = IngestReport()
        // No seeds directory: this instance ingests nothing (another one sharing the store may).
        guard !directory.isEmpty else { return report }
        // On a shared store one instance ingests (its seeds directory is the articles); the others poll.
        guard store.holdsIngestRole() else {
            logger.debug("ingest: another instance takes in its seeds directory; \(directory) is left alone")
            return report
        }
        let listing: DirectoryListing
        do {
            listing = try DirectoryScanner.list(
                directory, followSymlinks: configuration.articles.followSymlinks, include: ArticleFileName.isCandidate(bytes:)
            )
        } catch {
            // A missing or unreadable seeds directory must not retract every article: keep what is stored.
            logger.error("FAIL (SCAN) \(directory): \(error.reason); articles kept as they were")
            report.scanFailed = true
            return report
        }
        report.scanned = listing.count
        if listing.count == 0 && !configuration.articles.allowEmpty && configuration.articles.onDelete == .retract {
            // An unmounted share or a detached volume shows an empty directory: retracting every article on
            // that evidence would empty every reader's feed. Only an explicit setting lets it. (Files that gave
            // no entry, and the `keep` policy, have nothing to retract.)
            let stored = try store.read { try $0.articleFileList() }.filter { $0.entryID != nil }.count
            if stored > 0 {
                logger.error("""
                    FAIL (SCAN) \(directory): the directory is empty but \(stored) articles are on record; \
                    nothing retracted (an unmounted share?). Set articles.allow_empty = true to let an empty \
                    directory withdraw every article.
                    """)
                report.scanFailed = true
                return report
            }
        }
        // The digest of the files as the store last took them in, under these settings; the store drops it
        // whenever a file row changes, so equal digests mean every row still matches its file.
        let settings = Self.settingsFingerprint(configuration, keepsTexts: keepsTexts)
        let digest = "\(listing.digest)|\(settings)"
        if try store.read({ try $0.meta(StateStore.articlesScanKey) }) == digest {
            report.unchanged = listing.count
            return report
        }
        let scanned = listing.files
        let (records, madeWith) = try store.read { tx in
            (try tx.articleFileList(), try tx.meta(StateStore.articlesSettingsKey))
        }
        var (changed, known, vanished) = Self.compare(scanned, with: records)
        if let madeWith, madeWith != settings {
            // Another size cap: a file rejected for its size may pass now, or an accepted one no longer, so
            // every file is read again, as a first pass would (a store from before this record is kept as is).
            logger.info("articles \(directory): articles.max_file_size changed; reading every file again")
            changed = scanned
            known = Dictionary(uniqueKeysWithValues: records.map { ($0.name, $0) })
        }
        // Recorded once every row matches the scan (rejected files included), so the next pass can stop at
        // the digest; with it, the time of this pass (`feedd status`: the last pass that took a change in).
        let done: KeyValuePairs = [
            StateStore.articlesScanKey: digest, StateStore.articlesSettingsKey: settings,
            StateStore.articlesPassKey: StateStore.metaValue(now),
        ]
        report.unchanged = scanned.count - changed.count
        guard !changed.isEmpty || !vanished.isEmpty else {
            try store.recordMeta(done)
            return report
        }

        // New files first, changed ones last (the latest instants), each group in name order.
        let instants = try Self.distinctInstants(count: changed.count, before: now, store: store)
        let ranked = changed.filter { known[$0.name] == nil } + changed.filter { known[$0.name] != nil }
        let instantOf = Dictionary(zip(ranked.map(\.name), instants), uniquingKeysWith: { first, _ in first })
        let parser = ArticleParser(defaultLanguage: configuration.feed.language)
        let limit = configuration.articles.maxFileSize
        let accept = Self.acceptance(configuration)
        progress?.report(.reading(files: changed.count))
        // Batches are parsed while the previous one is written, so the store and the parser overlap.
        let batches = stride(from: 0, to: changed.count, by: Self.batchSize).map {
            Array(changed[$0..<min($0 + Self.batchSize, changed.count)])
        }
        var outcomes = batches.isEmpty ? [] : await Self.read(batches[0], directory: directory, parser: parser, limit: limit, accept: accept)
        for (index, batch) in batches.enumerated() {
            // A child task reads the next batch while this one is written (cancelled with the pass if a write fails).
            let next = index + 1 < batches.count ? batches[index + 1] : []
            async let upcoming = Self.read(next, directory: directory, parser: parser, limit: limit, accept: accept)
            try store.write { tx in
                for (file, outcome) in zip(batch, outcomes) {
                    let instant = instantOf[file.name] ?? now
                    try apply(outcome, file: file, previous: known[file.name], now: now, instant: instant, tx: tx, report: &report)
                    progress?.report(.read(files: 1))
                }
            }
            outcomes = await upcoming
        }
        try store.write { tx in
            for record in vanished {
                try tx.deleteArticleFile(name: record.name)
                if let id = record.entryID, try retractIfOrphaned(id: id, now: now, tx: tx) {
                    logger.info("retract \(FilePath.join(directory, record.name)): file removed, entry \(id) withdrawn")
                    report.retracted += 1
                }
            }
        }
        try store.recordMeta(done)
        return report
    }

    /// Whether a pass over the seeds directory ever completed on this store: until one has, a failed scan
    /// must not publish (the outputs would claim there are no articles).
    public static func hasCompletedPass(_ store: StateStore) throws(StoreError) -> Bool {
        try store.read { try $0.meta(StateStore.articlesSettingsKey) } != nil
    }

    /// What of the configuration decides whether a file gives an entry at all: the size cap. (The default
    /// language and the tag authority are left out on purpose: a change of either applies to new articles
    /// and leaves the published ones, and their ids, as they are.)
    /// Keeping every text is part of it (only when on, so the fingerprint of the default settings stays
    /// as it was): switched on, the next pass reads every file again and stores the texts let go before,
    /// which a deletion under `on_delete = "keep"` must not lose.
    static func settingsFingerprint(_ configuration: Configuration, keepsTexts: Bool) -> String {
        var fingerprint = StableFingerprint()
        fingerprint.add(configuration.articles.maxFileSize)
        if keepsTexts { fingerprint.add("texts kept") }
        return fingerprint.hex
    }

    /// One merge over two lists sorted by name bytes: files that are new or whose size or mtime moved (with
    /// their previous record), and records whose file is gone.
    static func compare(_ scanned: [ScannedFile], with records: [ArticleFileRecord])
        -> (changed: [ScannedFile], previous: [String: ArticleFileRecord], vanished: [ArticleFileRecord]) {
        var changed: [ScannedFile] = [], previous: [String: ArticleFileRecord] = [:], vanished: [ArticleFileRecord] = []
        var i = 0, j = 0
        while i < scanned.count || j < records.count {
            if j == records.count || (i < scanned.count && ByteOrder.precedes(scanned[i].name, records[j].name)) {
                changed.append(scanned[i])
                i += 1
            } else if i == scanned.count || ByteOrder.precedes(records[j].name, scanned[i].name) {
                vanished.append(records[j])
                j += 1
            } else {
                let file = scanned[i], record = records[j]
                if record.size != file.size || record.modifiedNanoseconds != file.modifiedNanoseconds {
                    changed.append(file)
                    previous[file.name] = record
                }
                i += 1
                j += 1
            }
        }
        return (changed, previous, vanished)
    }

    /// `count` instants, whole seconds, ascending, held by no other entry and later than every article's
    /// (see `DistinctInstants`).
    static func distinctInstants(count: Int, before now: Date, store: StateStore) throws(StoreError) -> [Date] {
        guard count > 0 else { return [] }
        do {
            return try store.read { tx in try DistinctInstants.take(count, at: now, source: StateStore.articlesSource, tx: tx) }
        } catch {
            throw StoreError(path: store.path, reason: "\(error)")
        }
    }

    /// Reads and parses a batch concurrently, one task per processor; results in the batch's order.
    static func read(
        _ batch: [ScannedFile], directory: String, parser: ArticleParser, limit: Int, accept: FileReader.Acceptance
    ) async -> [ReadOutcome] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, batch.count))
        return await withTaskGroup(of: [(Int, ReadOutcome)].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var results: [(Int, ReadOutcome)] = []
                    var index = worker
                    while index < batch.count {
                        results.append((index, readOne(batch[index], directory: directory, parser: parser, limit: limit, accept: accept)))
                        index += workers
                    }
                    return results
                }
            }
            var outcomes = [ReadOutcome](repeating: .rejected("not read"), count: batch.count)
            for await results in group {
                for (index, outcome) in results { outcomes[index] = outcome }
            }
            return outcomes
        }
    }

    /// Which files may be read as articles: regular files only; links only when `articles.follow_symlinks`
    /// is set, and then only to files inside the seeds directory.
    static func acceptance(_ configuration: Configuration) -> FileReader.Acceptance {
        guard configuration.articles.followSymlinks else { return .regularFileNoSymlink }
        let seeds = FileReader.resolvedPath(Array(configuration.paths.seeds.utf8)) ?? configuration.paths.seeds
        return .regularFileWithin(seeds)
    }

    static func readOne(
        _ file: ScannedFile, directory: String, parser: ArticleParser, limit: Int, accept: FileReader.Acceptance
    ) -> ReadOutcome {
        if file.size > Int64(limit) {
            return .rejected("the file is \(file.size) bytes, over the \(limit)-byte cap (articles.max_file_size)")
        }
        let bytes: [UInt8]
        do {
            let path = FilePath.join(directory, file.name)
            let pathBytes = file.rawName.map { Array(FilePath.join(directory, "").utf8) + $0 } ?? Array(path.utf8)
            bytes = try FileReader.read(pathBytes: pathBytes, displayPath: path, limit: limit, accept: accept)
        } catch {
            return .rejected(error.reason)
        }
        do {
            var article = try parser.parse(bytes, fileName: file.name)
            // The blocks are rendered into contentHTML already; dropping them halves what a batch holds.
            article.blocks = []
            return .article(article)
        } catch {
            return .rejected(error.description)
        }
    }

    private func apply(
        _ outcome: ReadOutcome, file: ScannedFile, previous: ArticleFileRecord?, now: Date, instant: Date,
        tx: StoreTransaction, report: inout IngestReport
    ) throws {
        let path = FilePath.join(configuration.paths.seeds, file.name)
        switch outcome {
        case let .rejected(reason):
            logger.warning("FAIL (ARTICLE) \(path): skipped: \(reason)")
            report.rejected += 1
            try tx.saveArticleFile(ArticleFileRecord(
                name: file.name, size: file.size, modifiedNanoseconds: file.modifiedNanoseconds, entryID: nil, error: reason
            ))
            if let id = previous?.entryID, try retractIfOrphaned(id: id, now: now, tx: tx) {
                report.retracted += 1
            }
        case let .article(article):
            let id = ArticleID.make(
                key: ArticleFileName.key(of: file.name), contentHash: article.contentHash,
                authority: configuration.feed.tagAuthority
            )
            try tx.saveArticleFile(ArticleFileRecord(
                name: file.name, size: file.size, modifiedNanoseconds: file.modifiedNanoseconds, entryID: id, error: nil
            ))
            if let old = previous?.entryID, old != id, try retractIfOrphaned(id: old, now: now, tx: tx) {
                report.retracted += 1
            }
            let existing = try tx.entry(source: StateStore.articlesSource, id: id)
            if let existing, existing.contentHash == article.contentHash {
                // Unchanged: back from a retraction, or its text let go and now to be kept (read again).
                let textBack = keepsTexts && existing.bodyDropped
                if existing.retractedAt != nil || textBack {
                    var restored = existing
                    restored.retractedAt = nil
                    if textBack {
                        (restored.entry.summary, restored.entry.contentHTML) = (article.summary, article.contentHTML)
                        restored.bodyDropped = false
                    }
                    try tx.saveEntry(restored)
                }
                if existing.retractedAt != nil {
                    report.added += 1
                    logger.info("article \(path): back, published \(existing.entry.published)")
                }
                return
            }
            let published = existing?.entry.published ?? instant
            // An edit moves `updated` forward even when the pass's free seconds lie behind the last one.
            let updated = existing.map { instant > $0.entry.updated ? instant : $0.entry.updated.addingTimeInterval(1) } ?? instant
            let entry = Entry(
                id: id, title: article.title, link: article.link, published: published, updated: updated,
                originalDate: article.originalDate, summary: article.summary, contentHTML: article.contentHTML,
                language: article.language, categories: article.categories
            )
            // The text is stored only where it may be needed without the file; otherwise the publish reads
            // it from the file when the article is in an output (most of a first import never is).
            try tx.saveEntry(StoredEntry(
                source: StateStore.articlesSource, origin: file.name, contentHash: article.contentHash, entry: entry,
                bodyDropped: !keepsTexts
            ))
            if existing == nil {
                report.added += 1
                logger.debug("article \(path): new entry \(id)")
            } else {
                report.updated += 1
                logger.info("article \(path): content changed, entry \(id) updated")
            }
        }
    }

    /// Retracts an article entry no file points at any more (under the `retract` policy).
    private func retractIfOrphaned(id: String, now: Date, tx: StoreTransaction) throws -> Bool {
        guard configuration.articles.onDelete == .retract, try tx.articleFileCount(entryID: id) == 0 else { return false }
        guard let stored = try tx.entry(source: StateStore.articlesSource, id: id), stored.retractedAt == nil else {
            return false
        }
        try tx.retractEntry(source: StateStore.articlesSource, id: id, at: now)
        return true
    }
}

/// What reading one article file gave.
enum ReadOutcome: Sendable {
    case article(Article)
    case rejected(String)
}

/// Counts from one ingest pass.
public struct IngestReport: Sendable, Hashable {
    public var scanned = 0
    public var unchanged = 0
    public var added = 0
    public var updated = 0
    public var rejected = 0
    public var retracted = 0
    /// The seeds directory could not be listed, or was found empty where articles were (see
    /// `articles.allow_empty`); nothing was changed.
    public var scanFailed = false

    public init() {}

    /// Whether the pass changed what the outputs show.
    public var changedEntries: Bool { added + updated + retracted > 0 }
}
