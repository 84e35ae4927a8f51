import FeedCore
import FeedDaemon
import FeedIO
import FeeddTestSupport
import Foundation
import Logging
import Testing

/// One polling pass over sources that misbehave in every way a server can, beside a good one: each
/// hostile source ends within the request's deadline with a clear error of its own, and the good one is
/// stored on time. The deadline (15 s) leaves a debug build on a loaded two-core machine time to parse the
/// large documents, and is still far shorter than the trickling servers need (minutes).
///
/// It runs when asked with `FEEDD_ALONE_TESTS=1`, which `.ci/run` sets in a run of its own after the rest:
/// beside the parallel suite on two cores its deadlines measured the other tests' load, not feedd's pass
/// (20 s alone, over 70 s among the rest). The bounds are the same either way.
@Suite(
    .serialized,
    .enabled(if: ProcessInfo.processInfo.environment["FEEDD_ALONE_TESTS"] == "1", "run alone with FEEDD_ALONE_TESTS=1 (.ci/run does)")
) struct HostileNetworkTests {
    static let good = SourcePollerTests.twoItems

    static func nested(depth: Int) -> [UInt8] {
        Array(("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep</title><item><guid>https://deep.example/1</guid>"
            + "<title>Deep</title>" + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth)
            + "</item></channel></rss>").utf8)
    }

    static func many(_ count: Int) -> [UInt8] {
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Many</title>"
        xml.reserveCapacity(count * 80)
        for index in 0..<count { xml += "<item><guid>https://many.example/\(index)</guid><title>Item \(index)</title></item>" }
        return Array((xml + "</channel></rss>").utf8)
    }

    @Test func everyHostileSourceEndsWithItsOwnErrorAndTheGoodOneIsStored() async throws {
        let bomb = try gzipped([UInt8](repeating: 0x20, count: 64 << 20))
        let deep = Self.nested(depth: 1_000_000)
        let many = Self.many(100_000)
        let server = try TestHTTPServer { request in
            switch request.path {
            case "/good": .respond(status: 200, body: Self.good)
            case "/bomb": .respond(status: 200, headers: ["content-encoding": "gzip"], body: bomb)
            case "/endless": .endless
            case "/loop-a": .respond(status: 302, headers: ["location": "/loop-b"])
            case "/loop-b": .respond(status: 302, headers: ["location": "/loop-a"])
            case "/huge-header": .respond(status: 200, headers: ["x-padding": String(repeating: "a", count: 1 << 20)], body: Self.good)
            case "/deep": .respond(status: 200, body: deep)
            case "/many": .respond(status: 200, body: many)
            default: .respond(status: 404)
            }
        }
        defer { server.shutdown() }
        let slowBody = try TrickleServer.slowBody(Self.good, interval: 1)
        defer { slowBody.shutdown() }
        let slowHeaders = try TrickleServer.slowHeaders(Self.good, interval: 1)
        defer { slowHeaders.shutdown() }
        let badHeaderBytes = Array("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nX-Odd: caf".utf8) + [0xE9, 0xFF]
            + Array("\r\nContent-Length: \(Self.good.count)\r\n\r\n".utf8) + Self.good
        let badHeaders = try TrickleServer(response: badHeaderBytes, burst: badHeaderBytes.count, interval: 1)
        defer { badHeaders.shutdown() }

        let dir = TemporaryDirectory()
        var configuration = Configuration.defaults(baseDirectory: dir.path)
        configuration.feed.tagAuthority = "test.example,2026"
        configuration.polling.timeoutSeconds = 15
        configuration.polling.maxBodySize = 8 << 20
        let store = try StateStore(directory: configuration.paths.state)
        let urls = [
            "good": server.baseURL + "/good", "bomb": server.baseURL + "/bomb", "endless": server.baseURL + "/endless",
            "loop": server.baseURL + "/loop-a", "huge-header": server.baseURL + "/huge-header",
            "deep": server.baseURL + "/deep", "many": server.baseURL + "/many",
            "slow-body": slowBody.baseURL + "/feed", "slow-headers": slowHeaders.baseURL + "/feed",
            "bad-header-bytes": badHeaders.baseURL + "/feed",
        ]
        let sources = urls.sorted { $0.key < $1.key }.map { SourceSettings(name: $0.key, url: $0.value) }
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

        let started = ContinuousClock.now
        let report = try await HTTPFetcher.withFetcher(settings: configuration.polling.fetcherSettings) { fetcher in
            try await SourcePoller(configuration: configuration, sources: sources, store: store, fetcher: fetcher, logger: logger)
                .pollDue(now: Date(timeIntervalSince1970: 1_000), all: true)
        }
        let elapsed = ContinuousClock.now - started
        // Ten sources, at most eight at once, each bounded by its 15 s deadline: two rounds at most, never the
        // minutes a trickling server would take.
        #expect(elapsed < .seconds(60), "the pass took \(elapsed)")

        let records: [String: SourceRecord?] = try store.read { tx in try urls.mapValues { try tx.source(url: $0) } }
        func error(_ name: String) -> String { (records[name] ?? nil)?.lastError ?? "" }
        #expect(report.results[urls["good"]!] == .fetched)
        #expect(try store.read { try $0.visibleStoredEntries(limit: 10, notBefore: nil, sources: [urls["good"]!]) }.count == 2)
        let (bombError, endless, loop) = (error("bomb"), error("endless"), error("loop"))
        let (slowBodyError, slowHeadersError, hugeHeader) = (error("slow-body"), error("slow-headers"), error("huge-header"))
        #expect(bombError.contains("decompressed body"), "\(bombError)")
        #expect(endless.contains("over the size cap"), "\(endless)")
        #expect(loop.contains("redirect loop"), "\(loop)")
        #expect(slowBodyError.contains("timed out"), "\(slowBodyError)")
        #expect(slowHeadersError.contains("timed out"), "\(slowHeadersError)")
        #expect(!hugeHeader.isEmpty, "a megabyte of header must be refused")
        // Odd bytes in a header value do not matter to the feed: it is read (or refused with a message).
        let odd = try #require(records["bad-header-bytes"] ?? nil)
        #expect(odd.lastSuccess != nil || odd.lastError != nil)
        // Nesting a million deep is read to the depth cap: the entry is kept, the rest skipped.
        let (deepError, manyError) = (error("deep"), error("many"))
        #expect(report.results[urls["deep"]!] == .fetched, "\(deepError)")
        // A hundred thousand entries parse and store within the deadline.
        #expect(report.results[urls["many"]!] == .fetched, "\(manyError)")
        #expect(try store.read { try $0.entryCount(source: urls["many"]!) } > 0)
    }
}
