import FeedCore

/// The `Content-Type` of a served file: the feed formats by the names feedd publishes them under, anything
/// else by its extension (a text type always with `charset=utf-8`).
enum MediaType {
    static func of(_ name: String, files: OutputFiles) -> String {
        switch name {
        case files.atom: return "application/atom+xml; charset=utf-8"
        case files.rss: return "application/rss+xml; charset=utf-8"
        case files.json: return "application/feed+json; charset=utf-8"
        case files.opml: return "text/x-opml; charset=utf-8"
        default: break
        }
        // The `[[output]]` feeds (`TopicFeed`): `NAME.atom.xml`, `NAME.rss.xml`, `NAME.feed.json`.
        let lower = name.lowercased()
        if lower.hasSuffix(".atom.xml") { return "application/atom+xml; charset=utf-8" }
        if lower.hasSuffix(".rss.xml") { return "application/rss+xml; charset=utf-8" }
        if lower.hasSuffix(".feed.json") { return "application/feed+json; charset=utf-8" }
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return byExtension[ext] ?? "application/octet-stream"
    }

    private static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8", "txt": "text/plain; charset=utf-8",
        "xml": "application/xml; charset=utf-8", "xsl": "text/xsl; charset=utf-8",
        "json": "application/json; charset=utf-8", "opml": "text/x-opml; charset=utf-8",
        "prom": "text/plain; version=0.0.4; charset=utf-8",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "ico": "image/x-icon", "svg": "image/svg+xml",
    ]

    /// Whether the type is worth compressing (text; images are compressed already).
    static func isCompressible(_ type: String) -> Bool {
        type.hasPrefix("text/") || type.hasPrefix("application/") && !type.hasPrefix("application/octet-stream")
            || type.hasPrefix("image/svg")
    }
}
