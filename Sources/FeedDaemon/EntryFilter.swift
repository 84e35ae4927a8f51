import FeedCore

/// A source's include/exclude regular expressions, applied to an entry's title, summary and content as the
/// feed wrote them (HTML included).
///
/// An entry passes when it matches at least one `include` pattern (or there are none) and no `exclude`.
struct EntryFilter {
    let include: [Regex<AnyRegexOutput>]
    let exclude: [Regex<AnyRegexOutput>]

    /// Patterns were validated when the configuration was read; one that no longer compiles is ignored.
    init(include: [String], exclude: [String]) {
        self.include = include.compactMap { try? Regex($0) }
        self.exclude = exclude.compactMap { try? Regex($0) }
    }

    func accepts(_ prepared: EntryNormalizer.Prepared) -> Bool {
        if include.isEmpty && exclude.isEmpty { return true }
        let entry = prepared.entry
        let body = prepared.body
        return accepts(
            title: entry.title, summary: body?.summary?.value ?? entry.summary ?? "",
            content: body?.content?.value ?? entry.contentHTML ?? ""
        )
    }

    func accepts(title: String, summary: String, content: String) -> Bool {
        if include.isEmpty && exclude.isEmpty { return true }
        let text = [title, summary, content].joined(separator: "\n")
        if !include.isEmpty && !include.contains(where: { text.contains($0) }) { return false }
        return !exclude.contains(where: { text.contains($0) })
    }
}
