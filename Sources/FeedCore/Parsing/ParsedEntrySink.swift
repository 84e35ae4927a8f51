/// Receives a feed's entries one by one while it is parsed, so a large feed need not be held whole.
public protocol ParsedEntrySink: AnyObject {
    /// The next entry in document order, its id already assigned (unique inside the feed).
    func receive(_ entry: ParsedEntry)
    /// Forgets every entry received so far: the document is read again from its start (its encoding
    /// turned out wrong, or its markup needed repair), and the entries come again.
    func restart()
}

/// Keeps every entry (the usual case: a fetched feed of a few hundred entries).
public final class ParsedEntryCollector: ParsedEntrySink {
    public private(set) var entries: [ParsedEntry] = []

    public init() {}

    public func receive(_ entry: ParsedEntry) {
        entries.append(entry)
    }

    public func restart() {
        entries.removeAll()
    }
}
