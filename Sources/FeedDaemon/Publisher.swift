import FeedCore
import FeedIO
import Foundation
import Logging

/// Renders the stored entries into the output files, replacing each atomically and only when its bytes change.
public struct Publisher: Sendable {
    public var configuration: Configuration
    /// The sources in force; entries of sources no longer configured (or disabled) are not published.
    public var sources: [SourceSettings]
    public var store: StateStore
    public var logger: Logger

    public init(configuration: Configuration, sources: [SourceSettings] = [], store: StateStore, logger: Logger) {
        self.configuration = configuration
        self.sources = sources
        self.store = store
        self.logger = logger
    }

    /// The entries the outputs show at `now`: articles and every enabled source's entries, deduplicated,
    /// newest first, within `max_entries` and `max_age_days`, with their bodies finished (sanitised).
    /// With `output`, only the entries its selection names (an `[[output]]` feed), as many as `max_entries`.
    public func entries(now: Date, output: OutputSettings? = nil) throws(StoreError) -> [Entry] {
        try finished(selection(now: now, output: output))
    }

    /// The stored entries `entries(now:output:)` publishes, their bodies not finished yet.
    func selection(now: Date, output: OutputSettings? = nil) throws(StoreError) -> [StoredEntry] {
        let feed = configuration.feed
        let floor = feed.maxAgeDays > 0 ? now.addingTimeInterval(-Double(feed.maxAgeDays) * 86_400) : nil
        let enabled = sources.filter(\.enabled)
        let selection = output.map { OutputSelection($0, sources: enabled) }
        let origins = ([StateStore.articlesSource] + enabled.map(\.url)).filter { selection?.sourceKeys?.contains($0) ?? true }
        // Fetch more than the cap so duplicates folded away (and entries a selection leaves out) still
        // leave a full page.
        var limit = feed.maxEntries * 2 + 50
        while true {
            let candidates = try store.read { try $0.visibleStoredEntries(limit: limit, notBefore: floor, sources: origins) }
            let selected = selection.map { selection in candidates.filter(selection.accepts) } ?? candidates
            let kept = EntryMerger.keptIndices(selected.map(\.entry), limit: feed.maxEntries)
            if kept.count == feed.maxEntries || candidates.count < limit {
                return kept.map { selected[$0] }
            }
            limit *= 4
        }
    }

    /// The entries with every pending body finished; the finished bodies are kept in the store, so an entry
    /// is sanitised once however often it is published.
    /// An article whose body the store let go is read again from its file.
    func finished(_ stored: [StoredEntry]) throws(StoreError) -> [Entry] {
        let normalizer = configuration.entryNormalizer
        var newlyFinished: [StoredEntry] = []
        var reloaded: [StoredEntry] = []
        let dropped = stored.filter(\.bodyDropped)
        let files = dropped.isEmpty ? [:] : try store.read { tx in
            try Dictionary(dropped.map { ($0.entry.id, try tx.articleFileName(entryID: $0.entry.id)) }, uniquingKeysWith: { a, _ in a })
        }
        let reader = dropped.isEmpty ? nil : ArticleBodyReader(configuration: configuration)
        let entries = stored.map { item in
            if item.bodyDropped, let reader {
                guard let name = files[item.entry.id] ?? nil else {
                    logger.warning("publish: article entry \(item.entry.id): no file holds it now; published without its text until the next scan")
                    return item.entry
                }
                switch reader.reload(item, fileName: name) {
                case let .success(restored):
                    reloaded.append(restored)
                    return restored.entry
                case let .failure(failure):
                    logger.warning("publish: \(failure.path): text not read again (\(failure.reason)); published without it until the next scan")
                    return item.entry
                }
            }
            guard let body = item.pendingBody else { return item.entry }
            var done = item
            done.entry = normalizer.finish(item.entry, body: body)
            done.pendingBody = nil
            newlyFinished.append(done)
            return done.entry
        }
        try store.recordFinishedBodies(newlyFinished)
        try store.recordArticleBodies(restored: reloaded, dropped: [])
        return entries
    }

    /// Whether every article's text is kept in the store: when one may be needed without its file (under
    /// `on_delete = "keep"` an article outlives its file) or for every candidate (an output's include/exclude
    /// patterns read the text). Otherwise the store keeps the texts the outputs show, and nothing more.
    /// On a shared store too: the publishing instance may have no seeds directory to read texts back from.
    static func keepsArticleTexts(_ configuration: Configuration, store: StateStore) -> Bool {
        store.isShared || configuration.articles.onDelete == .keep
            || configuration.outputs.contains { !$0.include.isEmpty || !$0.exclude.isEmpty }
    }

    /// Lets go of the bodies of the articles no output published (`published`: the ids of those that one
    /// did), keeping the store to what publishing needs (not when `keepsArticleTexts`).
    func dropUnpublishedArticleBodies(published: Set<String>) throws(StoreError) {
        guard !Self.keepsArticleTexts(configuration, store: store) else { return }
        let kept = try store.read { try $0.articleIDsWithBodies() }
        try store.recordArticleBodies(restored: [], dropped: kept.filter { !published.contains($0) })
    }

    /// The OPML list of the sources: their feed's title (or configured name), URL in use and site. A source
    /// retired by 410 Gone is left out (no importer should subscribe to it; `feedd status` still shows it).
    public func subscriptions() throws(StoreError) -> [Subscription] {
        let records = try store.read { tx in try sources.map { try tx.source(url: $0.url) } }
        return zip(sources, records).filter { $0.0.enabled && $0.1?.gone != true }.map { source, record in
            Subscription(
                title: record?.title.flatMap { $0.isEmpty ? nil : $0 } ?? source.name,
                feedURL: record?.permanentURL ?? source.url,
                siteURL: record?.siteURL,
                category: source.category
            )
        }
    }

    /// How each source in force stands, for the page for people: one per feed URL (as in the OPML list), a
    /// source retired by 410 Gone included and marked.
    public func sourceStatuses() throws(StoreError) -> [SourceStatus] {
        let records = try store.read { tx in try sources.map { try tx.source(url: $0.url) } }
        var seen = Set<String>()
        return zip(sources, records).filter(\.0.enabled).compactMap { source, record in
            let feedURL = record?.permanentURL ?? source.url
            guard seen.insert(feedURL).inserted else { return nil }
            return SourceStatus(
                name: record?.title.flatMap { $0.isEmpty ? nil : $0 } ?? source.name,
                siteURL: record?.siteURL,
                feedURL: feedURL,
                lastSuccess: record?.lastSuccess,
                lastErrorStage: record?.lastErrorStage,
                lastError: record?.lastError,
                retired: record?.gone == true
            )
        }
    }

    /// The rendered output files, by file name; pure apart from the store read.
    public func render(now: Date) throws(StoreError) -> [(name: String, bytes: [UInt8])] {
        try renderWithArticles(now: now).files
    }

    /// The rendered output files, and the ids of the articles they show.
    func renderWithArticles(now: Date) throws(StoreError) -> (files: [(name: String, bytes: [UInt8])], articles: Set<String>) {
        var articles = Set<String>()
        func published(_ selection: [StoredEntry]) throws(StoreError) -> [Entry] {
            for item in selection where item.source == StateStore.articlesSource { articles.insert(item.entry.id) }
            return try finished(selection)
        }
        let entries = try published(selection(now: now))
        let description = configuration.feedDescription
        // An empty feed still needs an `updated`: the last change the store knows, so reruns stay byte-identical.
        let emptyUpdated = entries.isEmpty
            ? (try store.read { try $0.lastChange() } ?? Date(timeIntervalSince1970: 0))
            : Date(timeIntervalSince1970: 0)
        let files = description.files
        var rendered = Self.feeds(description, entries: entries, emptyUpdated: emptyUpdated) + [
            (files.opml, OPMLWriter.write(feed: description, subscriptions: try subscriptions(), dateCreated: nil)),
            (files.page, HTMLPageWriter.write(feed: description, entries: entries, sources: try sourceStatuses())),
            (files.stylesheet, FeedStylesheet.write(feed: description)),
        ]
        for output in configuration.outputs {
            let selected = try published(selection(now: now, output: output))
            let topic = description.describing(output.topic(configuration.feed))
            // An empty selection's feed is dated by the store's last change, as an empty merged feed is.
            let topicEmptyUpdated = selected.isEmpty
                ? (try store.read { try $0.lastChange() } ?? Date(timeIntervalSince1970: 0))
                : Date(timeIntervalSince1970: 0)
            rendered += Self.feeds(topic, entries: selected, emptyUpdated: topicEmptyUpdated)
        }
        return (rendered, articles)
    }

    /// Atom, RSS and JSON Feed of `entries` under `description`'s file names.
    private static func feeds(_ description: FeedDescription, entries: [Entry], emptyUpdated: Date) -> [(name: String, bytes: [UInt8])] {
        let files = description.files
        return [
            (files.atom, AtomWriter.write(feed: description, entries: entries, emptyFeedUpdated: emptyUpdated)),
            (files.rss, RSSWriter.write(feed: description, entries: entries, emptyFeedUpdated: emptyUpdated)),
            (files.json, JSONFeedWriter.write(feed: description, entries: entries)),
        ]
    }

    /// Writes every output whose bytes differ from what is on disk.
    public func publish(now: Date) throws -> PublishReport {
        let directory = configuration.paths.output
        try DirectoryScanner.createDirectory(directory)
        let names = configuration.feedDescription.allFiles
        // A feedd killed while writing left its temporary file behind; the lock says none is writing now.
        for stale in AtomicFile.removeStaleTemporaries(in: directory, for: names) {
            logger.info("publish \(FilePath.join(directory, stale)): removed, left by an interrupted write")
        }
        // Nothing changed since the last publish (same store generation, same settings, the files as
        // written then): skip rendering. An age limit makes output depend on the clock, so it always renders.
        let inputs = try publishInputs()
        if configuration.feed.maxAgeDays == 0, let stamp = inputs,
           try store.read({ try $0.meta("publish_stamp") }) == stamp + "|" + Self.fileStamp(directory, names) {
            return PublishReport(unchanged: names)
        }
        var report = PublishReport()
        let (files, articles) = try renderWithArticles(now: now)
        for (name, bytes) in files {
            let path = FilePath.join(directory, name)
            if try AtomicFile.write(bytes, to: path) {
                report.written.append(name)
                logger.info("publish \(path): written (\(bytes.count) bytes)")
            } else {
                report.unchanged.append(name)
            }
        }
        if let stamp = inputs {
            try store.recordMeta(["publish_stamp": stamp + "|" + Self.fileStamp(directory, names)])
        }
        try dropUnpublishedArticleBodies(published: articles)
        return report
    }

    /// What the outputs are rendered from: the store's generation and every setting that shows in them.
    func publishInputs() throws(StoreError) -> String? {
        let generation = try store.read { try $0.generation() }
        var fingerprint = StableFingerprint()
        fingerprint.add(configuration.feedDescription)
        fingerprint.add(configuration.feed.maxEntries)
        fingerprint.add(sources)
        fingerprint.add(configuration.outputs)
        return "\(generation)|\(fingerprint.hex)"
    }

    /// Size and mtime of each output file, as the file system has them now.
    static func fileStamp(_ directory: String, _ names: [String]) -> String {
        names.map { FileStatus(FilePath.join(directory, $0))?.stamp ?? "-" }.joined(separator: ",")
    }
}

/// Which outputs a publish replaced and which it left untouched.
public struct PublishReport: Sendable, Hashable {
    public var written: [String] = []
    public var unchanged: [String] = []

    public init(written: [String] = [], unchanged: [String] = []) {
        self.written = written
        self.unchanged = unchanged
    }
}
