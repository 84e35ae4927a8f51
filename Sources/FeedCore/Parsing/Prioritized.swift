/// How strongly an element offers its value: an element nested deeper inside its entry or feed loses to a
/// shallower one (a `<title>` inside an extension element never beats the entry's own, as in feedparser),
/// then the mapping table's priority decides (lower wins).
struct FieldRank: Comparable {
    /// Levels below the entry, or below the feed's root element (1: a direct child).
    var nesting: Int
    var priority: Int

    static func < (lhs: FieldRank, rhs: FieldRank) -> Bool {
        (lhs.nesting, lhs.priority) < (rhs.nesting, rhs.priority)
    }

    /// A value that only fills a gap (a guid taken as the link, `rdf:about`, an inherited `xml:lang`).
    static func fallback(_ priority: Int) -> FieldRank {
        FieldRank(nesting: Int.max, priority: priority)
    }
}

/// A value offered by several elements: the best rank wins; among equals (the same element repeated) the
/// first stays, or the latest when `keepLatest` (feedparser keeps the last `<link>`, `<guid>`, `<pubDate>`).
struct Prioritized<Value> {
    private(set) var value: Value?
    private var rank: FieldRank?

    mutating func offer(_ candidate: Value?, rank: FieldRank, keepLatest: Bool = false) {
        guard let candidate else { return }
        if let current = self.rank, rank > current || (rank == current && !keepLatest) { return }
        value = candidate
        self.rank = rank
    }
}

/// A list filled by several kinds of element (atom:author, dc:creator, …): only the best kind is kept.
struct PrioritizedList<Element> {
    private(set) var values: [Element] = []
    private var priority = Int.max

    mutating func append(_ element: Element, priority: Int) {
        if priority < self.priority {
            values = [element]
            self.priority = priority
        } else if priority == self.priority {
            values.append(element)
        }
    }
}
