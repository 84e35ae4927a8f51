import FeedCore
import FeedIO
import Foundation

/// `feedd status` as text: the articles, then one block per source.
public enum StatusReport {
    public static func text(_ snapshot: StatusSnapshot) -> String {
        let now = snapshot.generated
        guard snapshot.storeExists else {
            return "no state yet at \(snapshot.storePath): run `feedd --once` first\n"
        }
        var lines = ["store: \(snapshot.storePath)"]
        if !snapshot.instances.isEmpty {
            lines.append("instances sharing it (\(snapshot.instances.count)):")
            for instance in snapshot.instances {
                var line = "  \(instance.id)  seen \(FeedDate.rfc3339(instance.seen)) (\(ago(instance.seen, now)))"
                line += ", started \(FeedDate.rfc3339(instance.started))"
                if instance.publisher { line += ", publisher" }
                line += ", \(instance.claimed) source\(instance.claimed == 1 ? "" : "s") claimed"
                if let seeds = instance.seeds { line += ", seeds \(seeds)" }
                lines.append(line)
            }
            lines.append("")
        }
        lines += articleLines(snapshot.articles, now: now)
        lines.append("")
        if snapshot.sources.isEmpty { lines.append("no sources configured") }
        let others = snapshot.otherSources
        if !others.isEmpty {
            lines.append("\(others.count) more source\(others.count == 1 ? "" : "s") in the store, not in this configuration "
                + "(given with --subscriptions? pass the same option here):")
            for source in others {
                let last = source.record?.lastFetch.map { "last fetch \(FeedDate.rfc3339($0)) (\(ago($0, now)))" } ?? "never fetched"
                lines.append("  \(source.name)  \(source.url)  \(last)")
            }
            lines.append("")
        }
        for source in snapshot.sources {
            lines += sourceLines(source, now: now)
            lines.append("")
        }
        let failing = snapshot.failing
        if !failing.isEmpty {
            lines.append("\(failing.count) source\(failing.count == 1 ? "" : "s") failing or gone: "
                + failing.map(\.name).joined(separator: ", "))
        }
        // Names, URLs, file names and error messages come from configuration files, directories, feeds and servers.
        let text = lines.map(LineText.escaped).joined(separator: "\n")
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    static func articleLines(_ articles: StatusSnapshot.Articles, now: Date) -> [String] {
        var summary = "articles: \(articles.entries) entries from \(articles.files) files"
        if !articles.rejected.isEmpty { summary += " (\(articles.rejected.count) rejected)" }
        if let pass = articles.lastPass {
            summary += "; last pass that took in a change: \(FeedDate.rfc3339(pass)) (\(ago(pass, now)))"
        }
        return [summary] + articles.rejected.map { "  rejected: \($0.name): \($0.error ?? "")" }
    }

    static func sourceLines(_ source: StatusSnapshot.Source, now: Date) -> [String] {
        let record = source.record
        var state = source.enabled ? "enabled" : "disabled"
        if record?.gone == true { state = "gone (410), no longer polled" }
        var lines = ["\(source.name)  [\(state)]", "  url:          \(source.url)"]
        if let moved = record?.permanentURL { lines.append("  moved to:     \(moved) (update the configuration)") }
        guard let record, let lastFetch = record.lastFetch else {
            lines.append("  never fetched; \(source.entries) entries")
            return lines
        }
        lines.append("  last fetch:   \(FeedDate.rfc3339(lastFetch)) (\(ago(lastFetch, now))), HTTP \(record.lastStatus.map(String.init) ?? "–")")
        lines.append("  last success: \(record.lastSuccess.map { "\(FeedDate.rfc3339($0)) (\(ago($0, now)))" } ?? "never")")
        lines.append("  validators:   ETag \(record.etag ?? "–"), Last-Modified \(record.lastModified ?? "–")")
        if let next = record.nextPoll {
            lines.append("  next poll:    \(FeedDate.rfc3339(next)) (\(next <= now ? "due now" : "in " + DurationText.describe(next.timeIntervalSince(now))))")
        }
        lines.append("  failures:     \(record.failures) in a row")
        lines.append("  entries:      \(source.entries) stored")
        if let error = record.lastError {
            lines.append("  last error:   FAIL (\(record.lastErrorStage ?? "FETCH")) \(error)")
        }
        return lines
    }

    static func ago(_ date: Date, _ now: Date) -> String {
        DurationText.describe(now.timeIntervalSince(date)) + " ago"
    }
}
