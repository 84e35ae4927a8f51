import FeedCore
import FeedDaemon
import FeedIO
import FeeddTestSupport
import Foundation
import Logging
import Testing

/// Several instances on one PostgreSQL store (a real throwaway server): due sources are claimed, so that
/// each is polled by one instance only, and a dead instance's claims lapse.
@Suite struct SharedStoreTests {
    static func rss(_ n: Int) -> [UInt8] {
        Array("""
            <?xml version="1.0"?><rss version="2.0"><channel><title>Feed \(n)</title><link>https://site.example/\(n)</link>\
            <item><guid>https://site.example/\(n)/1</guid><title>Item \(n)</title><link>https://site.example/\(n)/1</link>\
            <pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>
            """.utf8)
    }

    struct Instance {
        let configuration: Configuration
        let store: StateStore
        let fetcher = HTTPFetcher(settings: FetcherSettings(userAgent: "feedd-test", connectTimeoutSeconds: 2, timeoutSeconds: 5, maxBodySize: 1 << 20))

        init(_ directory: TemporaryDirectory, _ name: String, location: PostgresLocation) throws {
            var configuration = Configuration.defaults(baseDirectory: directory.file(name))
            configuration.feed.tagAuthority = "test.example,2026"
            configuration.polling.maxConcurrent = 4
            // The lease (2 × 30 s + 30 s) must outlast claim-to-store: here three pollers share one process's
            // two threads with the rest of the suite, and a pass under that load has taken over 40 s.
            configuration.polling.timeoutSeconds = 30
            configuration.store.postgres = location
            self.configuration = configuration
            store = try StateStore(configuration.store.choice, directory: configuration.paths.state)
        }

        func poll(_ sources: [SourceSettings], at seconds: TimeInterval) async throws -> PollReport {
            let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
            return try await SourcePoller(configuration: configuration, sources: sources, store: store, fetcher: fetcher, logger: logger)
                .pollDue(now: Date(timeIntervalSince1970: seconds), all: false)
        }
    }

    @Test func threeInstancesSplitTheDueSourcesAndPollEachOnce() async throws {
        let cluster = try PostgresCluster.shared()
        let location = try PostgresLocation(url: cluster.url(try cluster.createDatabase()))
        let server = try TestHTTPServer { request in
            let n = Int(request.path.split(separator: "/").last ?? "") ?? 0
            return .respond(status: 200, headers: ["content-type": "application/rss+xml"], body: Self.rss(n), delay: 0.005)
        }
        defer { server.shutdown() }
        let directory = TemporaryDirectory()
        let instances = try (0..<3).map { try Instance(directory, "i\($0)", location: location) }
        let sources = (0..<300).map { SourceSettings(name: "s\($0)", url: server.baseURL + "/feed/\($0)") }

        // Three passes at once, as three daemons waking together.
        let reports = try await withThrowingTaskGroup(of: PollReport.self) { group in
            for instance in instances { group.addTask { try await instance.poll(sources, at: 2_000_000_000) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let paths = server.requests.map(\.path)
        #expect(paths.count == 300, "every source once: \(paths.count) requests")
        #expect(Set(paths).count == 300)
        #expect(reports.map(\.fetched).reduce(0, +) == 300)
        #expect(reports.allSatisfy { $0.fetched > 0 }, "each instance took a share: \(reports.map(\.fetched))")
        let records = try instances[0].store.read { try $0.sources() }
        #expect(records.count == 300 && records.allSatisfy { $0.lastSuccess != nil && $0.nextPoll != nil })
        #expect(try instances[1].store.read { try $0.visibleStoredEntries(limit: 1_000, notBefore: nil) }.count == 300)

        // A second round at the same instant: nothing is due, nothing is fetched again.
        for instance in instances { _ = try await instance.poll(sources, at: 2_000_000_000) }
        #expect(server.requests.count == 300)
        for instance in instances { await instance.fetcher.shutdown() }
    }

    @Test func aLapsedClaimIsTakenOverAndALiveOneIsNot() async throws {
        let cluster = try PostgresCluster.shared()
        let location = try PostgresLocation(url: cluster.url(try cluster.createDatabase()))
        let server = try TestHTTPServer { request in
            .respond(status: 200, headers: ["content-type": "application/rss+xml"], body: Self.rss(1))
        }
        defer { server.shutdown() }
        let directory = TemporaryDirectory()
        let survivor = try Instance(directory, "survivor", location: location)
        let sources = (0..<3).map { SourceSettings(name: "s\($0)", url: server.baseURL + "/feed/\($0)") }
        let now = Date(timeIntervalSince1970: 2_000_000_000)
        // An instance that claimed every source and died: its lease runs for 60 s.
        let dead = try StateStore(postgres: location, password: nil)
        let claimed = try dead.writeBookkeeping { tx in
            try tx.addSources(sources.map { ($0.url, $0.name) })
            return try tx.claimDueSources(sources.map(\.url), at: now, all: false, owner: dead.instanceID, leaseClock: now,
                                          until: now.addingTimeInterval(60), limit: 10)
        }
        #expect(claimed.count == 3)
        let during = try await survivor.poll(sources, at: now.timeIntervalSince1970 + 30)
        #expect(during.fetched == 0 && server.requests.isEmpty, "a live claim is left alone")
        let after = try await survivor.poll(sources, at: now.timeIntervalSince1970 + 61)
        #expect(after.fetched == 3 && server.requests.count == 3, "a lapsed claim is taken over")
        #expect(try survivor.store.read { try $0.sources() }.allSatisfy { $0.lastSuccess != nil })
        await survivor.fetcher.shutdown()
    }
}
