import FeedCore
import FeedIO
import FeeddTestSupport
import Foundation
import Testing

/// `timeout_seconds` bounds a whole request, however slowly the server sends: connect, head and body.
@Suite(.serialized) struct FetchDeadlineTests {
    static let body = Array("<rss version=\"2.0\"><channel><title>slow</title><item><title>one</title></item></channel></rss>".utf8)

    func fetchEndsWithinTheDeadline(_ server: TrickleServer) async throws {
        // On an executor of its own: the measure is the fetcher's, not how busy other tests keep the pool.
        let executor = DedicatedThreadExecutor(name: "feedd-test-executor")
        defer { executor.shutdown() }
        try await withTaskExecutorPreference(executor) { try await measureFetch(server) }
    }

    func measureFetch(_ server: TrickleServer) async throws {
        let fetcher = HTTPFetcher(settings: FetcherSettings(userAgent: "t", connectTimeoutSeconds: 1, timeoutSeconds: 2))
        let started = ContinuousClock.now
        let outcome = await fetcher.fetch(FetchRequest(url: server.baseURL + "/slow.xml"))
        let elapsed = ContinuousClock.now - started
        await fetcher.shutdown()
        server.shutdown()
        guard case let .failed(failure) = outcome else {
            Issue.record("a response trickled over 28 s must not complete in 2 s")
            return
        }
        #expect(failure.message.contains("timed out"), "\(failure.message)")
        // The whole response takes 28 s or more; the 2 s deadline ends it long before, with slack for a
        // loaded machine (the suite runs beside CPU-bound tests on two cores).
        #expect(elapsed < .seconds(12), "took \(elapsed)")
    }

    @Test func aBodySentOneByteASecondEndsAtTheDeadline() async throws {
        try await fetchEndsWithinTheDeadline(try TrickleServer.slowBody(Self.body, interval: 0.3))
    }

    @Test func headersSentOneByteASecondEndAtTheDeadline() async throws {
        try await fetchEndsWithinTheDeadline(try TrickleServer.slowHeaders(Self.body, interval: 0.3))
    }

    @Test func aQuickTrickleWithinTheDeadlineIsRead() async throws {
        let server = try TrickleServer.slowBody(Self.body, interval: 0.001)
        let fetcher = HTTPFetcher(settings: FetcherSettings(userAgent: "t", timeoutSeconds: 10))
        let outcome = await fetcher.fetch(FetchRequest(url: server.baseURL + "/quick.xml"))
        await fetcher.shutdown()
        server.shutdown()
        guard case let .fetched(document) = outcome else {
            Issue.record("expected the document")
            return
        }
        #expect(document.body == Self.body)
    }
}
