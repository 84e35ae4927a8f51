/// Admits at most `total` fetches at once, and at most `perHost` to any one host; the rest wait in order.
public actor ConcurrencyLimiter {
    public let total: Int
    public let perHost: Int
    private var running = 0
    private var runningByHost: [String: Int] = [:]
    private var waiting: [(host: String, continuation: CheckedContinuation<Void, Never>)] = []

    public init(total: Int, perHost: Int) {
        self.total = max(1, total)
        self.perHost = max(1, perHost)
    }

    /// Runs `body` once a slot for `host` is free.
    public func run<T: Sendable>(host: String, _ body: @Sendable () async -> T) async -> T {
        await acquire(host: host)
        let result = await body()
        release(host: host)
        return result
    }

    private func canStart(_ host: String) -> Bool {
        running < total && runningByHost[host, default: 0] < perHost
    }

    private func acquire(host: String) async {
        if waiting.isEmpty && canStart(host) {
            start(host)
            return
        }
        await withCheckedContinuation { continuation in
            waiting.append((host, continuation))
        }
    }

    private func start(_ host: String) {
        running += 1
        runningByHost[host, default: 0] += 1
    }

    private func release(host: String) {
        running -= 1
        runningByHost[host, default: 1] -= 1
        if runningByHost[host] == 0 { runningByHost[host] = nil }
        // Wake the first waiters that can now start (a busy host does not block others behind it).
        var index = 0
        while index < waiting.count && running < total {
            if canStart(waiting[index].host) {
                let next = waiting.remove(at: index)
                start(next.host)
                next.continuation.resume()
            } else {
                index += 1
            }
        }
    }
}
