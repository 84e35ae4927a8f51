import FeedCore
import FeedIO
import FeeddTestSupport
import Foundation
import Testing

/// The fetcher against a real HTTP server on 127.0.0.1.
@Suite(.serialized) struct HTTPFetcherTests {
    static let feed = Array("<rss version=\"2.0\"><channel><title>t</title></channel></rss>".utf8)

    func withServer(
        settings: FetcherSettings = FetcherSettings(userAgent: "feedd-test/1.0"),
        _ handler: @escaping TestHTTPServer.Handler,
        _ body: (TestHTTPServer, HTTPFetcher) async throws -> Void
    ) async throws {
        let server = try TestHTTPServer(handler: handler)
        let fetcher = HTTPFetcher(settings: settings)
        do {
            try await body(server, fetcher)
        } catch {
            await fetcher.shutdown()
            server.shutdown()
            throw error
        }
        await fetcher.shutdown()
        server.shutdown()
    }

    @Test func etagThenNotModified() async throws {
        try await withServer({ request in
            request.header("if-none-match") == "\"v1\""
                ? .respond(status: 304, headers: ["etag": "\"v1\""])
                : .respond(status: 200, headers: ["etag": "\"v1\"", "content-type": "application/rss+xml; charset=ISO-8859-1"], body: Self.feed)
        }) { server, fetcher in
            guard case let .fetched(document) = await fetcher.fetch(FetchRequest(url: server.baseURL + "/feed")) else {
                Issue.record("expected a document")
                return
            }
            #expect(document.body == Self.feed)
            #expect(document.metadata.etag == "\"v1\"")
            #expect(document.charset == "iso-8859-1")
            let second = await fetcher.fetch(FetchRequest(url: server.baseURL + "/feed", etag: document.metadata.etag))
            guard case let .notModified(metadata) = second else {
                Issue.record("expected 304, got \(second)")
                return
            }
            #expect(metadata.etag == "\"v1\"")
            #expect(server.requests.last?.header("if-none-match") == "\"v1\"")
            #expect(server.requests.first?.header("user-agent") == "feedd-test/1.0")
            #expect(server.requests.first?.header("accept-encoding")?.contains("gzip") == true)
        }
    }

    @Test func lastModifiedOnly() async throws {
        let stamp = "Tue, 03 Jun 2025 10:00:00 GMT"
        try await withServer({ request in
            request.header("if-modified-since") == stamp
                ? .respond(status: 304)
                : .respond(status: 200, headers: ["last-modified": stamp], body: Self.feed)
        }) { server, fetcher in
            guard case let .fetched(document) = await fetcher.fetch(FetchRequest(url: server.baseURL + "/f")) else {
                Issue.record("expected a document")
                return
            }
            #expect(document.metadata.lastModified == stamp)
            #expect(document.metadata.etag == nil)
            let second = await fetcher.fetch(FetchRequest(url: server.baseURL + "/f", lastModified: stamp))
            guard case let .notModified(metadata) = second else {
                Issue.record("expected 304, got \(second)")
                return
            }
            #expect(metadata.lastModified == stamp, "validators carried over when the 304 omits them")
        }
    }

    @Test func gzipBodyIsDecompressed() async throws {
        let compressed = try gzipped(Self.feed)
        try await withServer({ _ in .respond(status: 200, headers: ["content-encoding": "gzip"], body: compressed) }) { server, fetcher in
            guard case let .fetched(document) = await fetcher.fetch(FetchRequest(url: server.baseURL + "/gz")) else {
                Issue.record("expected a document")
                return
            }
            #expect(document.body == Self.feed)
        }
    }

    @Test func gzipBombIsRefused() async throws {
        let bomb = try gzipped([UInt8](repeating: 0x20, count: 20 << 20))
        let settings = FetcherSettings(userAgent: "t", maxBodySize: 1 << 20)
        try await withServer(settings: settings, { _ in .respond(status: 200, headers: ["content-encoding": "gzip"], body: bomb) }) { server, fetcher in
            guard case let .failed(failure) = await fetcher.fetch(FetchRequest(url: server.baseURL + "/bomb")) else {
                Issue.record("a 20 MiB inflation must not pass a 1 MiB cap")
                return
            }
            #expect(failure.message.contains("over the size cap"))
        }
    }

    @Test func permanentRedirectIsReportedAndTemporaryIsNot() async throws {
        try await withServer({ request in
            switch request.path {
            case "/old": .respond(status: 301, headers: ["location": "/new"])
            case "/moved": .respond(status: 308, headers: ["location": "/old"])
            case "/temp": .respond(status: 302, headers: ["location": "/new"])
            case "/mixed": .respond(status: 301, headers: ["location": "/temp"])
            default: .respond(status: 200, body: Self.feed)
            }
        }) { server, fetcher in
            if case let .fetched(d) = await fetcher.fetch(FetchRequest(url: server.baseURL + "/old")) {
                #expect(d.metadata.permanentURL == server.baseURL + "/new")
                #expect(d.metadata.finalURL == server.baseURL + "/new")
            } else { Issue.record("301 not followed") }
            if case let .fetched(d) = await fetcher.fetch(FetchRequest(url: server.baseURL + "/moved")) {
                #expect(d.metadata.permanentURL == server.baseURL + "/new", "308 then 301: both permanent")
            } else { Issue.record("308 not followed") }
            if case let .fetched(d) = await fetcher.fetch(FetchRequest(url: server.baseURL + "/temp")) {
                #expect(d.metadata.permanentURL == nil)
                #expect(d.metadata.finalURL == server.baseURL + "/new")
            } else { Issue.record("302 not followed") }
            if case let .fetched(d) = await fetcher.fetch(FetchRequest(url: server.baseURL + "/mixed")) {
                #expect(d.metadata.permanentURL == nil, "a temporary hop makes the chain temporary")
            } else { Issue.record("chain not followed") }
        }
    }

    @Test func redirectLoopAndTooManyRedirectsFail() async throws {
        try await withServer({ request in
            switch request.path {
            case "/a": .respond(status: 302, headers: ["location": "/b"])
            case "/b": .respond(status: 302, headers: ["location": "/a"])
            default: .respond(status: 404)
            }
        }) { server, fetcher in
            guard case let .failed(loop) = await fetcher.fetch(FetchRequest(url: server.baseURL + "/a")) else {
                Issue.record("loop not detected")
                return
            }
            #expect(loop.message.contains("redirect loop"))
        }
        try await withServer({ request in
            let n = Int(request.path.dropFirst(2)) ?? 0
            return .respond(status: 307, headers: ["location": "/n\(n + 1)"])
        }) { server, fetcher in
            guard case let .failed(failure) = await fetcher.fetch(FetchRequest(url: server.baseURL + "/n0")) else {
                Issue.record("endless redirects must fail")
                return
            }
            #expect(failure.message.contains("more than 5 redirects"))
            #expect(server.requests.count == 6)
        }
    }

    @Test func goneNotFoundAndServerErrors() async throws {
        try await withServer({ request in
            switch request.path {
            case "/gone": .respond(status: 410)
            case "/missing": .respond(status: 404)
            case "/busy": .respond(status: 503, headers: ["retry-after": "120"])
            case "/slow-down": .respond(status: 429, headers: ["retry-after": "Wed, 21 Oct 2099 07:28:00 GMT"])
            default: .respond(status: 500)
            }
        }) { server, fetcher in
            guard case .gone = await fetcher.fetch(FetchRequest(url: server.baseURL + "/gone")) else {
                Issue.record("410 must be gone")
                return
            }
            if case let .failed(f) = await fetcher.fetch(FetchRequest(url: server.baseURL + "/missing")) {
                #expect(f.status == 404)
                #expect(f.retryAfter == nil)
                #expect(f.message.contains("HTTP 404"))
            } else { Issue.record("404 must fail") }
            if case let .failed(f) = await fetcher.fetch(FetchRequest(url: server.baseURL + "/busy")) {
                #expect(f.status == 503)
                #expect(f.retryAfter == 120)
            } else { Issue.record("503 must fail") }
            let now = Date(timeIntervalSince1970: 4_096_000_000)
            if case let .failed(f) = await fetcher.fetch(FetchRequest(url: server.baseURL + "/slow-down"), now: { now }) {
                #expect(f.status == 429)
                #expect(f.retryAfter == Date(timeIntervalSince1970: 4_096_250_880).timeIntervalSince(now))
            } else { Issue.record("429 must fail") }
        }
    }

    @Test func serverThatNeverAnswersTimesOut() async throws {
        let settings = FetcherSettings(userAgent: "t", connectTimeoutSeconds: 1, timeoutSeconds: 1)
        try await withServer(settings: settings, { _ in .hang }) { server, fetcher in
            let started = Date()
            guard case let .failed(f) = await fetcher.fetch(FetchRequest(url: server.baseURL + "/hang")) else {
                Issue.record("must time out")
                return
            }
            #expect(f.message.contains("timed out"))
            #expect(Date().timeIntervalSince(started) < 5)
        }
    }

    @Test func bodyThatNeverEndsHitsTheCap() async throws {
        let settings = FetcherSettings(userAgent: "t", timeoutSeconds: 20, maxBodySize: 2 << 20)
        try await withServer(settings: settings, { _ in .endless }) { server, fetcher in
            guard case let .failed(f) = await fetcher.fetch(FetchRequest(url: server.baseURL + "/endless")) else {
                Issue.record("must stop at the cap")
                return
            }
            #expect(f.message.contains("over the size cap"))
        }
    }

    @Test func atMostTwoRequestsPerHostAtOnce() async throws {
        let settings = FetcherSettings(userAgent: "t", maxPerHost: 2)
        try await withServer(settings: settings, { _ in .respond(status: 200, body: Self.feed, delay: 0.2) }) { server, fetcher in
            await withTaskGroup(of: Void.self) { group in
                for i in 0..<6 {
                    group.addTask { _ = await fetcher.fetch(FetchRequest(url: server.baseURL + "/f\(i)")) }
                }
            }
            #expect(server.requests.count == 6)
            #expect(server.peakInFlight == 2)
        }
    }
}
