/// Admits at most `perHost` fetches to any one host at once; the rest wait in order. The total number in
/// flight is the caller's width (the poller runs at most `polling.max_concurrent` sources at once, and so
/// holds at most that many documents in memory), so it is not counted twice here.
public actor ConcurrencyLimiter {
    public let perHost: Int
    private var runningByHost: [String: Int] = [:]
    private var waiting: [(host: String, continuation: CheckedContinuation<Void, Never>)] = []

    public init(perHost: Int) {
        self.perHost = max(1, perHost)
    }

    /// Runs `body` once a slot for `host` is free.
    public func run<T: Sendable>(host: String, _ body: @Sendable () async -> T) async -> T {
        await acquire(host: host)
        let result = await body()
        release(host: host)
        return result
    }

    private func acquire(host: String) async {
        if runningByHost[host, default: 0] < perHost {
            runningByHost[host, default: 0] += 1
            return
        }
        await withCheckedContinuation { continuation in
            waiting.append((host, continuation))
        }
    }

    private func release(host: String) {
        runningByHost[host, default: 1] -= 1
        if runningByHost[host] == 0 { runningByHost[host] = nil }
        // The first waiter for this host takes the slot (hosts never wait behind one another).
        if let index = waiting.firstIndex(where: { $0.host == host }) {
            let next = waiting.remove(at: index)
            runningByHost[host, default: 0] += 1
            next.continuation.resume()
        }
    }
}
