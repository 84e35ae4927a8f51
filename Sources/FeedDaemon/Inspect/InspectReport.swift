import FeedCore
import Foundation

/// Renders a parsed feed for people and for golden-file tests (`feedd inspect`).
public enum InspectReport {
    /// The fixed-shape JSON report: one field per line, keys in a fixed order, null for missing values,
    /// dates as `YYYY-MM-DDTHH:MM:SSZ`, titles as plain text. Fields read as feedparser reads them.
    public static func json(_ feed: ParsedFeed) -> String {
        let object: JSONText = .object([
            ("format", .string(feed.format.rawValue)),
            ("title", .string(feed.title.map(ParsedPlainText.of))),
            ("link", .string(feed.link)),
            ("id", .string(feed.id)),
            ("language", .string(feed.language)),
            ("published", .string(feed.published.map(FeedDate.rfc3339))),
            ("updated", .string(feed.updated.map(FeedDate.rfc3339))),
            ("subtitle", .string(feed.subtitle.map(ParsedPlainText.of))),
            ("authors", authors(feed.authors)),
            ("categories", .array(feed.categories.map { .string($0) })),
            ("bozo", .bool(feed.bozo)),
            ("bozo_message", .string(feed.bozoMessage)),
            ("entries", .array(feed.entries.map(entry))),
        ])
        return object.rendered() + "\n"
    }

    /// `id` is what the publisher wrote (null when nothing); what feedd adds, such as the id it derives and
    /// uses, is under `_feedd`.
    private static func entry(_ entry: ParsedEntry) -> JSONText {
        .object([
            ("id", .string(entry.publisherID)),
            ("title", .string(entry.title.map(ParsedPlainText.of))),
            ("link", .string(entry.link)),
            ("published", .string(entry.published.map(FeedDate.rfc3339))),
            ("updated", .string(entry.updated.map(FeedDate.rfc3339))),
            ("authors", authors(entry.authors)),
            ("summary", .string(entry.summary?.value)),
            ("content", .string(entry.content?.value)),
            ("categories", .array(entry.categories.map { .string($0) })),
            ("enclosures", .array(entry.enclosures.map {
                .object([("url", .string($0.url)), ("type", .string($0.type)), ("length", .number($0.length))])
            })),
            ("_feedd", .object([("id", .string(entry.id))])),
        ])
    }

    private static func authors(_ authors: [Author]) -> JSONText {
        .array(authors.map { .object([("name", .string($0.name)), ("email", .string($0.email)), ("uri", .string($0.uri))]) })
    }

    /// A short readable summary: the feed's header, then one block per entry.
    public static func text(_ feed: ParsedFeed) -> String {
        var lines: [String] = []
        lines.append(feed.title.map(ParsedPlainText.of) ?? "(untitled feed)")
        lines.append("  format    \(feed.format.rawValue)" + (feed.bozo ? "  (bozo)" : ""))
        if let link = feed.link { lines.append("  link      \(link)") }
        if let id = feed.id { lines.append("  id        \(id)") }
        if let language = feed.language { lines.append("  language  \(language)") }
        if let updated = feed.updated { lines.append("  updated   \(FeedDate.rfc3339(updated))") }
        if !feed.authors.isEmpty { lines.append("  authors   \(names(feed.authors))") }
        for warning in feed.warnings { lines.append("  warning   \(warning)") }
        lines.append("  \(feed.entries.count) entr\(feed.entries.count == 1 ? "y" : "ies")")
        for (index, entry) in feed.entries.enumerated() {
            lines.append("")
            lines.append("\(index + 1). \(entry.title.map(ParsedPlainText.of) ?? "(untitled)")")
            if let date = entry.published ?? entry.updated { lines.append("   date     \(FeedDate.rfc3339(date))") }
            if let link = entry.link { lines.append("   link     \(link)") }
            lines.append("   id       \(entry.id)")
            if !entry.authors.isEmpty { lines.append("   by       \(names(entry.authors))") }
            if !entry.categories.isEmpty { lines.append("   tags     \(entry.categories.joined(separator: ", "))") }
            for enclosure in entry.enclosures { lines.append("   attached \(enclosure.url)" + (enclosure.type.map { " (\($0))" } ?? "")) }
            if let body = entry.summary ?? entry.content {
                let plain = ParsedPlainText.of(ParsedContent(value: body.value, kind: body.kind == .text ? .text : .html))
                lines.append("   " + (plain.count > 160 ? String(plain.prefix(159)) + "…" : plain))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func names(_ authors: [Author]) -> String {
        authors.map { $0.name ?? $0.email ?? $0.uri ?? "?" }.joined(separator: ", ")
    }
}
