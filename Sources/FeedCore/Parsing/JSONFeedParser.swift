import Foundation

/// JSON Feed 1.0 and 1.1 (jsonfeed.org/version/1.1) into the same model as the XML formats.
enum JSONFeedParser {
    static func parse(_ bytes: ArraySlice<UInt8>, documentURL: String?) throws(FeedParseError) -> ParsedFeed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw .notAFeed("invalid JSON: \(error.localizedDescription)")
        }
        guard let root = object as? [String: Any] else { throw .notAFeed("JSON without a top-level object") }
        let version = root["version"] as? String ?? ""
        let format: FeedFormat
        if version.hasSuffix("jsonfeed.org/version/1.1") {
            format = .json11
        } else if version.hasSuffix("jsonfeed.org/version/1") {
            format = .json10
        } else {
            throw .notAFeed("JSON without a JSON Feed version")
        }
        var feed = ParsedFeed(format: format)
        feed.title = text(root["title"]).map { ParsedContent(value: $0, kind: .text) }
        feed.link = text(root["home_page_url"]).map { URLResolver.resolve($0, against: documentURL) }
        feed.id = text(root["feed_url"])
        feed.subtitle = text(root["description"]).map { ParsedContent(value: $0, kind: .text) }
        feed.language = text(root["language"])
        feed.icon = text(root["icon"]) ?? text(root["favicon"])
        feed.authors = authors(root)
        let items = root["items"] as? [[String: Any]] ?? []
        feed.entries = items.map { entry($0, documentURL: documentURL) }
        return feed
    }

    private static func entry(_ item: [String: Any], documentURL: String?) -> ParsedEntry {
        var entry = ParsedEntry(id: text(item["id"]) ?? (item["id"] as? NSNumber)?.stringValue ?? "")
        entry.title = text(item["title"]).map { ParsedContent(value: $0, kind: .text) }
        entry.link = (text(item["url"]) ?? text(item["external_url"])).map { URLResolver.resolve($0, against: documentURL) }
        entry.published = text(item["date_published"]).flatMap(FeedDateParser.parse)
        entry.updated = text(item["date_modified"]).flatMap(FeedDateParser.parse)
        entry.authors = authors(item)
        if let html = text(item["content_html"]) {
            entry.content = ParsedContent(value: html, kind: .html, baseURL: documentURL)
        } else if let plain = text(item["content_text"]) {
            entry.content = ParsedContent(value: plain, kind: .text)
        }
        entry.summary = text(item["summary"]).map { ParsedContent(value: $0, kind: .text) } ?? entry.content
        entry.categories = (item["tags"] as? [Any] ?? []).compactMap(text)
        entry.language = text(item["language"])
        entry.enclosures = (item["attachments"] as? [[String: Any]] ?? []).compactMap { attachment in
            text(attachment["url"]).map {
                Enclosure(url: URLResolver.resolve($0, against: documentURL), type: text(attachment["mime_type"]),
                          length: (attachment["size_in_bytes"] as? NSNumber)?.int64Value)
            }
        }
        return entry
    }

    /// JSON Feed 1.1 `authors`, else 1.0 `author`.
    private static func authors(_ object: [String: Any]) -> [Author] {
        let list = object["authors"] as? [[String: Any]] ?? (object["author"] as? [String: Any]).map { [$0] } ?? []
        return list.compactMap { person in
            let author = Author(name: text(person["name"]), uri: text(person["url"]))
            return author.name == nil && author.uri == nil ? nil : author
        }
    }

    private static func text(_ value: Any?) -> String? {
        guard let string = value as? String else { return nil }
        let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
