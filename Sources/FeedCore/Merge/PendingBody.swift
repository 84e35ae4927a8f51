/// A polled entry's summary and content as the publisher wrote them (unsanitised), kept until the entry is
/// published: most entries a poll stores are never among the newest `max_entries`, and sanitising every one
/// cost a cold poll more than parsing the feeds did. `EntryNormalizer.finish` turns it into the entry's
/// plain-text summary and sanitised HTML, which is the only form any writer ever sees.
public struct PendingBody: Sendable, Hashable {
    /// The entry's own summary, as written.
    public var summary: ParsedContent?
    /// The entry's content, as written.
    public var content: ParsedContent?
    /// What relative URLs in the body resolve against (see `EntryNormalizer.bodyBase`).
    public var base: String?

    public init(summary: ParsedContent? = nil, content: ParsedContent? = nil, base: String? = nil) {
        self.summary = summary
        self.content = content
        self.base = base
    }
}
