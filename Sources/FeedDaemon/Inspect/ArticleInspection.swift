import FeedCore
/// An article shown the way `feedd inspect` shows feeds: a one-entry document of format `article`.
extension Article {
    /// The article as a parsed feed; `id` is the entry id feedd would publish (feedd is its publisher).
    public func inspection(id: String) -> ParsedFeed {
        let entry = ParsedEntry(
            id: id,
            title: ParsedContent(value: title, kind: .text),
            link: link,
            summary: summary.map { ParsedContent(value: $0, kind: .text) },
            content: ParsedContent(value: contentHTML, kind: .html),
            language: language,
            publisherID: id
        )
        return ParsedFeed(
            format: .article, title: ParsedContent(value: title, kind: .text), link: link, id: id,
            language: language, updated: originalDate, entries: [entry]
        )
    }
}
