import FeedCore

/// A source's include/exclude regular expressions, applied to an entry's title and text.
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

    func accepts(_ entry: Entry) -> Bool {
        if include.isEmpty && exclude.isEmpty { return true }
        let text = [entry.title, entry.summary ?? "", entry.contentHTML ?? ""].joined(separator: "\n")
        if !include.isEmpty && !include.contains(where: { text.contains($0) }) { return false }
        return !exclude.contains(where: { text.contains($0) })
    }
}
