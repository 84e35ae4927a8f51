import FeedCore
import FeedXML
import FeeddTestSupport
import Foundation
import Testing

/// The real binary polling a real HTTP server on 127.0.0.1.
@Suite(.serialized) struct PollingEndToEndTests {
    static let feed = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Loopback news</title><id>urn:example:loop</id>
        <updated>2026-11-01T00:00:00Z</updated><link href="https://loop.example/"/>
        <entry><id>urn:example:loop:1</id><title>Bridge reopens</title><updated>2026-11-01T00:00:00Z</updated>
        <link href="https://loop.example/bridge"/><content type="html">&lt;p onclick="x()"&gt;Traffic flows again.&lt;/p&gt;&lt;script&gt;bad()&lt;/script&gt;</content></entry>
        </feed>
        """.utf8)

    @Test func onceMergesAPolledFeedAndSecondRunIsAllNotModified() throws {
        let server = try TestHTTPServer { request in
            request.header("if-none-match") == "\"v1\"" ? .respond(status: 304) : .respond(status: 200, headers: ["etag": "\"v1\""], body: Self.feed)
        }
        defer { server.shutdown() }
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("seeds"), withIntermediateDirectories: true)
        dir.write("seeds/000_1111111111111111.txt", "A local article\n\nKey Facts\n\nSomething happened in town on Tuesday, and people talked about it for days.\n")
        dir.write("feedd.toml", """
            [feed]
            tag_authority = "test.example,2026"
            [paths]
            seeds = "seeds"
            output = "out"
            state = "state"
            [[source]]
            name = "Loop"
            url = "\(server.baseURL)/atom.xml"
            """)

        let first = try FeeddProcess.run(["--once", "--config", dir.file("feedd.toml")], in: dir.path)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("1 fetched"))
        let atom = Array(try Data(contentsOf: URL(fileURLWithPath: dir.file("out/atom.xml"))))
        #expect(RelaxNGValidator.validate(atom, schemaPath: OnceEndToEndTests.schema) == [])
        let parsed = try FeedParser().parse(atom, documentURL: nil, httpCharset: nil)
        #expect(parsed.entries.count == 2)
        let polled = try #require(parsed.entries.first { $0.id == "urn:example:loop:1" })
        #expect(polled.source?.title == "Loopback news")
        #expect(polled.content?.value.contains("script") == false)
        #expect(polled.content?.value.contains("onclick") == false)
        let opml = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir.file("out/feeds.opml"))), as: UTF8.self)
        #expect(opml.contains("xmlUrl=\"\(server.baseURL)/atom.xml\""))

        let second = try FeeddProcess.run(["--once", "--all", "--config", dir.file("feedd.toml")], in: dir.path)
        #expect(second.status == 0)
        #expect(second.stderr.contains("1 not modified"))
        // Nothing is rewritten, the page for people included: it shows a source's last success by the day.
        let summary = second.stderr.split(separator: "\n").last { $0.contains("once:") } ?? ""
        #expect(summary.hasSuffix("no output changed"), "\(second.stderr)")
        #expect(server.requests.last?.header("if-none-match") == "\"v1\"")

        let status = try FeeddProcess.run(["status", "--config", dir.file("feedd.toml")], in: dir.path)
        #expect(status.status == 0)
        #expect(status.stdout.contains("Loop  [enabled]"))
        #expect(status.stdout.contains("HTTP 304"))
        #expect(status.stdout.contains("ETag \"v1\""))
    }

    @Test func unreachableSourceKeepsEntriesAndLogsByStage() throws {
        let server = try TestHTTPServer { _ in .respond(status: 200, body: Self.feed) }
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("seeds"), withIntermediateDirectories: true)
        dir.write("feedd.toml", """
            [paths]
            seeds = "seeds"
            output = "out"
            state = "state"
            [polling]
            connect_timeout_seconds = 1
            timeout_seconds = 2
            [[source]]
            name = "Loop"
            url = "\(server.baseURL)/atom.xml"
            """)
        #expect(try FeeddProcess.run(["--once", "--config", dir.file("feedd.toml")], in: dir.path).status == 0)
        server.shutdown()

        let down = try FeeddProcess.run(["--once", "--all", "--config", dir.file("feedd.toml")], in: dir.path)

        #expect(down.status == 0)
        #expect(down.stderr.contains("FAIL (FETCH) Loop:"))
        let atom = Array(try Data(contentsOf: URL(fileURLWithPath: dir.file("out/atom.xml"))))
        #expect(try FeedParser().parse(atom, documentURL: nil, httpCharset: nil).entries.count == 1)
    }

    @Test func importAddsToTheSubscriptionsFile() throws {
        let dir = TemporaryDirectory()
        dir.write("feedd.toml", "[polling]\nsubscriptions = \"subs.opml\"\n")
        dir.write("list.opml", "<opml version=\"1.0\"><body><outline text=\"A\" xmlUrl=\"https://a.example/rss\"/></body></opml>")
        let result = try FeeddProcess.run(["import", "list.opml", "--config", dir.file("feedd.toml")], in: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported 1 feed(s)"))
        let subs = try OPMLReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: dir.file("subs.opml")))))
        #expect(subs.map(\.feedURL) == ["https://a.example/rss"])

        let noTarget = TemporaryDirectory()
        noTarget.write("feedd.toml", "")
        noTarget.write("list.opml", "<opml version=\"1.0\"><body/></opml>")
        let refused = try FeeddProcess.run(["import", "list.opml", "--config", noTarget.file("feedd.toml")], in: noTarget.path)
        #expect(refused.status == 78)
        #expect(refused.stderr.contains("polling.subscriptions: not set"))
    }

    @Test func aSourceThatSendsOneByteASecondCannotHoldThePass() throws {
        let good = try TestHTTPServer { _ in .respond(status: 200, body: Self.feed) }
        defer { good.shutdown() }
        let slow = try TrickleServer.slowBody(Self.feed, interval: 1)
        defer { slow.shutdown() }
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("seeds"), withIntermediateDirectories: true)
        dir.write("seeds/000_1111111111111111.txt", "A local article\n\nKey Facts\n\nSomething happened in town on Tuesday, and people talked about it for days.\n")
        dir.write("feedd.toml", """
            [feed]
            tag_authority = "test.example,2026"
            [paths]
            seeds = "seeds"
            output = "out"
            state = "state"
            [polling]
            timeout_seconds = 3
            [[source]]
            name = "Slow"
            url = "\(slow.baseURL)/slow.xml"
            [[source]]
            name = "Good"
            url = "\(good.baseURL)/atom.xml"
            """)
        let started = Date()
        let run = try FeeddProcess.run(["--once", "--all", "--config", dir.file("feedd.toml")], in: dir.path, timeout: 60)
        let elapsed = Date().timeIntervalSince(started)
        #expect(run.status == 0, "\(run.stderr)")
        // The body is hundreds of bytes at one a second; the pass ends at the 3 s deadline instead.
        #expect(elapsed < 10, "took \(elapsed) s")
        #expect(run.stderr.contains("FAIL (FETCH) Slow: timed out"), "\(run.stderr)")
        let atom = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir.file("out/atom.xml"))), as: UTF8.self)
        #expect(atom.contains("urn:example:loop:1"))
    }
}
