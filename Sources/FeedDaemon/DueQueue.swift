import FeedIO

/// The due sources of one poll pass, handed out one at a time: all known at the start (a store of one's
/// own), or claimed from a shared store as the pass goes (`claim`, until it finds none).
struct DueQueue {
    typealias Claim = () throws(StoreError) -> [(SourceSettings, SourceRecord)]

    private var pending: [(SourceSettings, SourceRecord)]
    private var position = 0
    private let claim: Claim?
    private var exhausted = false
    /// How many sources the pass expects to poll (for progress).
    let expected: Int

    init(pending: [(SourceSettings, SourceRecord)], expected: Int? = nil, claim: Claim?) {
        self.pending = pending
        self.expected = expected ?? pending.count
        self.claim = claim
    }

    /// The next source to poll; nil when the pass has none left.
    mutating func next() throws(StoreError) -> (SourceSettings, SourceRecord)? {
        if position == pending.count, let claim, !exhausted {
            pending = try claim()
            position = 0
            exhausted = pending.isEmpty
        }
        guard position < pending.count else { return nil }
        defer { position += 1 }
        return pending[position]
    }
}
