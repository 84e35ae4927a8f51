import FeedCore
import FeedIO
import FeedServe
import FeeddTestSupport
import Foundation
import Logging
import Synchronization
import Testing

/// The server on a real socket (127.0.0.1, a free port), answering from a real output directory.
@Suite struct FeedServerTests {
    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Served</title><id>tag:test.example,2026:feed</id>
        <updated>2026-12-01T00:00:00Z</updated>\(String(repeating: "<entry><title>Entry</title></entry>", count: 40))</feed>
        """

    /// A server over `dir`, running until `body` returns.
    func withServer(_ directory: String, _ body: @Sendable (Int, ServeState) async throws -> Void) async throws {
        let state = ServeState(directory: directory, outputFiles: OutputFiles(), cacheSeconds: 1_800)
        state.refresh(directory: directory, outputFiles: OutputFiles(), cacheSeconds: 1_800)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let server = FeedServer(listen: ListenAddress(host: "127.0.0.1", port: 0), state: state, logger: logger) { port in
            continuation.yield(port)
        }
        // Answered on a thread of its own: the synchronous tests beside keep the cooperative pool busy.
        let executor = DedicatedThreadExecutor(name: "feedd-test-server")
        defer { executor.shutdown() }
        let task = Task { try await withTaskExecutorPreference(executor) { try await server.run() } }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        do {
            try await body(port, state)
        } catch {
            task.cancel()
            throw error
        }
        task.cancel()
        _ = await task.result
    }

    func get(_ port: Int, _ target: String, method: String = "GET", headers: [String: String] = [:]) async throws -> RawHTTPResponse {
        try await offThePool { try RawHTTPClient.send(port: port, method: method, target: target, headers: headers) }
    }

    @Test func aFeedIsSentWithItsTypeValidatorsAndCachePolicy() async throws {
        let dir = TemporaryDirectory()
        dir.write("atom.xml", Self.atom)
        try await withServer(dir.path) { port, _ in
            let response = try await get(port, "/atom.xml")
            #expect(response.status == 200)
            #expect(response.body == Array(Self.atom.utf8))
            #expect(response.header("content-type") == "application/atom+xml; charset=utf-8")
            #expect(response.header("content-length") == "\(Self.atom.utf8.count)")
            #expect(response.header("cache-control") == "public, max-age=1800")
            #expect(response.header("vary") == "Accept-Encoding")
            #expect(response.header("x-content-type-options") == "nosniff")
            let etag = try #require(response.header("etag"))
            #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && !etag.hasPrefix("W/"), "a strong tag: \(etag)")
            let modified = try #require(response.header("last-modified"))
            #expect(modified.hasSuffix(" GMT"))

            #expect(try await get(port, "/atom.xml", headers: ["If-None-Match": etag]).status == 304)
            #expect(try await get(port, "/atom.xml", headers: ["If-None-Match": "\"other\", \(etag)"]).status == 304)
            #expect(try await get(port, "/atom.xml", headers: ["If-Modified-Since": modified]).status == 304)
            let stale = try await get(port, "/atom.xml", headers: ["If-None-Match": "\"other\"", "If-Modified-Since": modified])
            #expect(stale.status == 200, "If-None-Match decides when both are sent")
            let notModified = try await get(port, "/atom.xml", headers: ["If-None-Match": etag])
            #expect(notModified.body.isEmpty && notModified.header("etag") == etag)

            let head = try await get(port, "/atom.xml", method: "HEAD")
            #expect(head.status == 200 && head.body.isEmpty)
            #expect(head.header("content-length") == "\(Self.atom.utf8.count)" && head.header("etag") == etag)
        }
    }

    /// Published files are answered on the event loop, the rest by the application: requests sent at once
    /// still get their answers in order, each whole, with a `Date`.
    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        let dir = TemporaryDirectory()
        dir.write("atom.xml", Self.atom)
        try await withServer(dir.path) { port, state in
            state.setHealth(ServeState.Health(ok: true, message: "ok: published"))
            let etag = try #require(try await get(port, "/atom.xml").header("etag"))
            let host = "Host: 127.0.0.1\r\n"
            let requests = "GET /healthz HTTP/1.1\r\n\(host)\r\n"
                + "GET /atom.xml?utm=x HTTP/1.1\r\n\(host)If-None-Match: \(etag)\r\n\r\n"
                + "GET /missing.xml HTTP/1.1\r\n\(host)\r\n"
                + "HEAD /atom.xml HTTP/1.1\r\n\(host)\r\n"
                + "GET /atom.xml HTTP/1.1\r\n\(host)\r\n"
                + "GET /healthz HTTP/1.1\r\n\(host)Connection: close\r\n\r\n"
            let responses = try await offThePool { try RawHTTPClient.exchange(port: port, request: requests, heads: [3]) }
            #expect(responses.map(\.status) == [200, 304, 404, 200, 200, 200])
            guard responses.count == 6 else { return }
            #expect(String(decoding: responses[0].body, as: UTF8.self) == "ok: published\n")
            #expect(responses[1].header("etag") == etag && responses[1].body.isEmpty)
            #expect(responses[3].body.isEmpty && responses[3].header("content-length") == "\(Self.atom.utf8.count)")
            #expect(responses[4].body == Array(Self.atom.utf8))
            for response in responses {
                let date = try #require(response.header("date"), "every answer carries Date")
                #expect(FeedDateParser.parse(date).map { abs($0.timeIntervalSinceNow) < 60 } == true, "\(date)")
            }
        }
    }

    /// An HTTP/1.0 client without keep-alive is answered and the connection closed after the answer.
    @Test func anHTTP10ClientIsAnsweredAndLetGo() async throws {
        let dir = TemporaryDirectory()
        dir.write("atom.xml", Self.atom)
        try await withServer(dir.path) { port, _ in
            let responses = try await offThePool {
                try RawHTTPClient.exchange(port: port, request: "GET /atom.xml HTTP/1.0\r\n\r\n")
            }
            #expect(responses.map(\.status) == [200])
            #expect(responses.first?.header("connection") == "close")
            #expect(responses.first?.body == Array(Self.atom.utf8))
        }
    }

    @Test func gzipIsSentToClientsThatAskAndIsTheSameFeed() async throws {
        let dir = TemporaryDirectory()
        dir.write("atom.xml", Self.atom)
        try await withServer(dir.path) { port, _ in
            let plain = try await get(port, "/atom.xml")
            let zipped = try await get(port, "/atom.xml", headers: ["Accept-Encoding": "br, gzip"])
            #expect(zipped.header("content-encoding") == "gzip")
            #expect(zipped.body.count < plain.body.count)
            #expect(try gunzipped(zipped.body) == plain.body)
            let zippedTag = try #require(zipped.header("etag"))
            #expect(zippedTag != plain.header("etag"), "each representation has its own strong tag")
            // Either tag says the client's copy is current.
            #expect(try await get(port, "/atom.xml", headers: ["Accept-Encoding": "gzip", "If-None-Match": plain.header("etag")!]).status == 304)
            #expect(try await get(port, "/atom.xml", headers: ["Accept-Encoding": "gzip;q=0"]).header("content-encoding") == nil)
        }
    }

    @Test func nothingOutsideTheOutputDirectoryIsServed() async throws {
        let root = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: root.file("out/sub"), withIntermediateDirectories: true)
        root.write("secret.txt", "secret")
        root.write("out/sub/deep.txt", "deep")
        root.write("out/.hidden", "hidden")
        root.write("out/.atom.xml.tmp-ABC123", "partial")
        root.write("out/atom.xml", Self.atom)
        try FileManager.default.createSymbolicLink(atPath: root.file("out/passwd.txt"), withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: root.file("out/inside.xml"), withDestinationPath: root.file("out/atom.xml"))
        #expect(mkfifo(root.file("out/fifo.xml"), 0o644) == 0)
        try await withServer(root.file("out")) { port, _ in
            for target in [
                "/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/sub/deep.txt", "/sub", "/.hidden",
                "/.atom.xml.tmp-ABC123", "/passwd.txt", "/inside.xml", "/fifo.xml", "//etc/passwd", "/atom.xml/",
                "/nothing.xml", "http://127.0.0.1/../secret.txt",
            ] {
                let response = try await get(port, target)
                #expect(response.status == 404 || response.status == 400, "\(target): \(response.status)")
                #expect(!String(decoding: response.body, as: UTF8.self).contains("secret"))
                #expect(!String(decoding: response.body, as: UTF8.self).contains("root:"))
            }
            #expect(try await get(port, "/atom.xml").status == 200)
        }
    }

    @Test func onlyGetAndHeadAreAnswered() async throws {
        let dir = TemporaryDirectory()
        dir.write("atom.xml", Self.atom)
        try await withServer(dir.path) { port, _ in
            for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
                let response = try await get(port, "/atom.xml", method: method)
                #expect(response.status == 405, "\(method)")
                #expect(response.header("allow") == "GET, HEAD")
            }
        }
    }

    @Test func healthAndMetricsSayWhatTheDaemonSays() async throws {
        let dir = TemporaryDirectory()
        try await withServer(dir.path) { port, state in
            let starting = try await get(port, "/healthz")
            #expect(starting.status == 503)
            state.setHealth(ServeState.Health(ok: true, message: "ok: 3 sources"))
            state.setMetrics("# TYPE feedd_articles gauge\nfeedd_articles 7\n")
            let healthy = try await get(port, "/healthz")
            #expect(healthy.status == 200 && String(decoding: healthy.body, as: UTF8.self) == "ok: 3 sources\n")
            #expect(healthy.header("cache-control") == "no-store")
            let metrics = try await get(port, "/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.header("content-type") == "text/plain; version=0.0.4; charset=utf-8")
            #expect(String(decoding: metrics.body, as: UTF8.self).contains("feedd_articles 7"))
            state.setHealth(ServeState.Health(ok: false, message: "publish failing: disk full"))
            #expect(try await get(port, "/healthz").status == 503)
        }
    }

    @Test func aPublishIsServedAfterTheRefreshAndUnchangedFilesAreNotReadAgain() async throws {
        let dir = TemporaryDirectory()
        dir.write("atom.xml", Self.atom)
        dir.write("index.html", "<!doctype html><title>Planet</title>")
        let path = dir.path
        try await withServer(path) { port, state in
            let before = try await get(port, "/atom.xml")
            let page = try await get(port, "/")
            #expect(page.status == 200 && page.header("content-type") == "text/html; charset=utf-8")
            #expect(page.header("content-security-policy")?.contains("default-src 'none'") == true)
            // A new publish (atomic replace) is served once the daemon refreshes; a file added by hand is
            // served at once; a removed one is gone after the refresh.
            let replacement = Self.atom.replacingOccurrences(of: "Served", with: "Served again")
            try AtomicFile.write(Array(replacement.utf8), to: path + "/atom.xml")
            try Data("User-agent: *\n".utf8).write(to: URL(fileURLWithPath: path + "/robots.txt"))
            #expect(try await get(port, "/robots.txt").status == 200)
            try FileManager.default.removeItem(atPath: path + "/index.html")
            state.refresh(directory: path, outputFiles: OutputFiles(), cacheSeconds: 60)
            let after = try await get(port, "/atom.xml")
            #expect(after.body == Array(replacement.utf8))
            #expect(after.header("etag") != before.header("etag"))
            #expect(after.header("cache-control") == "public, max-age=60")
            #expect(try await get(port, "/").status == 404)
        }
    }
}
