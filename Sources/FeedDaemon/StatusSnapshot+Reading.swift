import FeedIO
import Foundation

extension StatusSnapshot {
    /// Reads the status of `sources` and of the seeds directory `seeds` in one read transaction of `store`
    /// (nil when no store exists yet at `storePath`: every source is then never fetched).
    public static func read(
        sources: [SourceSettings], seeds: String, store: StateStore?, storePath: String, now: Date
    ) throws(StoreError) -> StatusSnapshot {
        guard let store else {
            return StatusSnapshot(
                generated: now, storePath: storePath, storeExists: false,
                articles: Articles(directory: seeds, entries: 0, files: 0, lastPass: nil, rejected: []),
                sources: sources.map { Source(name: $0.name, url: $0.url, enabled: $0.enabled, record: nil, entries: 0) },
                otherSources: []
            )
        }
        return try store.read { tx in
            let articles = Articles(
                directory: seeds,
                entries: try tx.entryCount(source: StateStore.articlesSource),
                files: try tx.articleFileCount(),
                lastPass: try tx.metaDate(StateStore.articlesPassKey),
                rejected: try tx.rejectedArticleFiles()
            )
            let configured = try sources.map { source in
                Source(
                    name: source.name, url: source.url, enabled: source.enabled,
                    record: try tx.source(url: source.url), entries: try tx.entryCount(source: source.url)
                )
            }
            let urls = Set(sources.map(\.url))
            let others = try tx.sources().filter { !urls.contains($0.url) }.map { record in
                Source(
                    name: record.name, url: record.url, enabled: true, record: record,
                    entries: try tx.entryCount(source: record.url)
                )
            }
            return StatusSnapshot(
                generated: now, storePath: store.path, storeExists: true, articles: articles,
                sources: configured, otherSources: others, instances: store.isShared ? try tx.instances(at: now) : []
            )
        }
    }
}
