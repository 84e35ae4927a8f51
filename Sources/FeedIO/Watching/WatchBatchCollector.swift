/// Coalesces changes into batches: a batch is due `debounce` after the last change of a burst, and at the
/// latest `maxDelay` after its first change, so a steady trickle of changes still gets published.
struct WatchBatchCollector {
    typealias Instant = ContinuousClock.Instant

    let debounce: Duration
    let maxDelay: Duration
    private var pending = WatchBatch()
    private var firstChange: Instant?
    private var lastChange: Instant?

    init(debounce: Duration, maxDelay: Duration) {
        self.debounce = debounce
        self.maxDelay = max(maxDelay, debounce)
    }

    /// Records a changed name seen at `now`.
    mutating func add(_ name: String, at now: Instant) {
        pending.names.insert(name)
        touch(now)
    }

    /// Records that the whole directory must be scanned.
    mutating func requestRescan(at now: Instant) {
        pending.rescanNeeded = true
        touch(now)
    }

    /// When the pending batch is due, or nil when nothing is pending.
    var deadline: Instant? {
        guard let firstChange, let lastChange else { return nil }
        return min(lastChange + debounce, firstChange + maxDelay)
    }

    /// The pending batch when it is due at `now` (and the collector starts afresh), else nil.
    mutating func take(at now: Instant) -> WatchBatch? {
        guard let deadline, now >= deadline else { return nil }
        defer {
            pending = WatchBatch()
            firstChange = nil
            lastChange = nil
        }
        return pending
    }

    private mutating func touch(_ now: Instant) {
        if firstChange == nil { firstChange = now }
        lastChange = now
    }
}
