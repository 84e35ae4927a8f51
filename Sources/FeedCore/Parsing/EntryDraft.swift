import Foundation

/// The fields of one entry as its elements arrive, each keeping its best-priority value.
struct EntryDraft {
    var title = Prioritized<ParsedContent>()
    var id = Prioritized<String>()
    var link = Prioritized<String>()
    var published = Prioritized<Date>()
    var updated = Prioritized<Date>()
    var summary = Prioritized<ParsedContent>()
    var content = Prioritized<ParsedContent>()
    var language = Prioritized<String>()
    /// Every author element, of every kind, in document order (as feedparser lists them).
    var authors: [Author] = []
    var categories: [String] = []
    var enclosures: [Enclosure] = []
    var source: SourceFeed?

    /// True when enough arrived to be worth keeping from a truncated document.
    var hasSubstance: Bool { title.value != nil || link.value != nil || id.value != nil }

    mutating func addCategory(_ term: String) {
        CategoryList.add(term, to: &categories)
    }

    mutating func addEnclosure(_ enclosure: Enclosure) {
        if !enclosure.url.isEmpty, !enclosures.contains(where: { $0.url == enclosure.url }) { enclosures.append(enclosure) }
    }

    /// The entry; `id` is left empty when the publisher gave none (the parser derives it afterwards).
    func build() -> ParsedEntry {
        // feedparser copies HTML or text content into the summary when there is no summary.
        ParsedEntry(
            id: id.value ?? "", title: title.value, link: link.value, published: published.value,
            updated: updated.value, authors: authors, summary: summary.value ?? content.value,
            content: content.value, categories: categories, enclosures: enclosures, source: source,
            language: language.value)
    }
}

/// The channel- or feed-level fields, each keeping its best-priority value.
struct FeedDraft {
    var title = Prioritized<ParsedContent>()
    var subtitle = Prioritized<ParsedContent>()
    var id = Prioritized<String>()
    var link = Prioritized<String>()
    var language = Prioritized<String>()
    var published = Prioritized<Date>()
    var updated = Prioritized<Date>()
    var rights = Prioritized<String>()
    var generator = Prioritized<String>()
    var icon = Prioritized<String>()
    var ttl = Prioritized<Int>()
    var updatePeriod = Prioritized<String>()
    var updateFrequency = Prioritized<Int>()
    /// Every author element, of every kind, in document order (as feedparser lists them).
    var authors: [Author] = []
    var categories: [String] = []
    var skipHours: [Int] = []
    var skipDays: [String] = []

    mutating func addCategory(_ term: String) {
        CategoryList.add(term, to: &categories)
    }

    func build(format: FeedFormat, entries: [ParsedEntry]) -> ParsedFeed {
        ParsedFeed(
            format: format, title: title.value, link: link.value, id: id.value, subtitle: subtitle.value,
            language: language.value, published: published.value, updated: updated.value, authors: authors,
            categories: categories, rights: rights.value,
            generator: generator.value, icon: icon.value, ttl: ttl.value, skipHours: skipHours, skipDays: skipDays,
            updatePeriod: updatePeriod.value, updateFrequency: updateFrequency.value, entries: entries)
    }
}

/// Category terms as feedparser lists them in `tags`: trimmed, without empty or repeated terms.
enum CategoryList {
    static func add(_ term: String, to categories: inout [String]) {
        let trimmed = term.trimmingWhitespace()
        if !trimmed.isEmpty, !categories.contains(trimmed) { categories.append(trimmed) }
    }
}
