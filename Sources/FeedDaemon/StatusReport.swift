import FeedCore
import FeedIO
import Foundation

/// `feedd status` as text: one block per source.
public enum StatusReport {
    public static func text(sources: [SourceSettings], store: StateStore, now: Date) throws(StoreError) -> String {
        let rows = try store.read { tx in
            try sources.map { ($0, try tx.source(url: $0.url), try tx.entryCount(source: $0.url)) }
        }
        let articles = try store.read { try $0.entryCount(source: StateStore.articlesSource) }
        // Sources the store has polled that this configuration does not name: given with `--subscriptions`
        // on another command line, or removed from the configuration since.
        let configured = Set(sources.map(\.url))
        let others = try store.read { try $0.sources() }.filter { !configured.contains($0.url) }
        var lines = ["articles: \(articles) entries", ""]
        if sources.isEmpty { lines.append("no sources configured") }
        if !others.isEmpty {
            lines.append("\(others.count) more source\(others.count == 1 ? "" : "s") in the store, not in this configuration "
                + "(given with --subscriptions? pass the same option here):")
            for record in others {
                let last = record.lastFetch.map { "last fetch \(FeedDate.rfc3339($0)) (\(ago($0, now)))" } ?? "never fetched"
                lines.append("  \(record.name)  \(record.url)  \(last)")
            }
            lines.append("")
        }
        for (source, record, count) in rows {
            var state = source.enabled ? "enabled" : "disabled"
            if record?.gone == true { state = "gone (410), no longer polled" }
            lines.append("\(source.name)  [\(state)]")
            lines.append("  url:          \(source.url)")
            if let moved = record?.permanentURL { lines.append("  moved to:     \(moved) (update the configuration)") }
            guard let record, let lastFetch = record.lastFetch else {
                lines.append("  never fetched; \(count) entries")
                lines.append("")
                continue
            }
            lines.append("  last fetch:   \(FeedDate.rfc3339(lastFetch)) (\(ago(lastFetch, now))), HTTP \(record.lastStatus.map(String.init) ?? "–")")
            lines.append("  last success: \(record.lastSuccess.map { "\(FeedDate.rfc3339($0)) (\(ago($0, now)))" } ?? "never")")
            lines.append("  validators:   ETag \(record.etag ?? "–"), Last-Modified \(record.lastModified ?? "–")")
            if let next = record.nextPoll {
                lines.append("  next poll:    \(FeedDate.rfc3339(next)) (\(next <= now ? "due now" : "in " + DurationText.describe(next.timeIntervalSince(now))))")
            }
            lines.append("  failures:     \(record.failures) in a row")
            lines.append("  entries:      \(count) stored")
            if let error = record.lastError {
                lines.append("  last error:   FAIL (\(record.lastErrorStage ?? "FETCH")) \(error)")
            }
            lines.append("")
        }
        // Names, URLs and error messages come from configuration files, feeds and servers.
        return lines.map(LineText.escaped).joined(separator: "\n")
    }

    static func ago(_ date: Date, _ now: Date) -> String {
        DurationText.describe(now.timeIntervalSince(date)) + " ago"
    }
}
