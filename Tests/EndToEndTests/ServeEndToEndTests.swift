import FeedCore
import FeeddTestSupport
import Foundation
import Testing

/// The real daemon with its built-in server (`[serve] listen`) on 127.0.0.1 and a port the system picks.
@Suite(.serialized) struct ServeEndToEndTests {
    /// The port the daemon logged ("serve: listening on http://127.0.0.1:PORT/").
    static func port(of daemon: DaemonProcess) -> Int? {
        guard daemon.waitForLog("serve: listening on http://127.0.0.1:"),
              let range = daemon.output.range(of: "serve: listening on http://127.0.0.1:") else { return nil }
        return Int(daemon.output[range.upperBound...].prefix { $0.isNumber })
    }

    @Test func theDaemonServesWhatItPublishesAndSaysWhenItChanged() throws {
        let ws = DaemonEndToEndTests.Workspace()
        ws.writeConfig(title: "Served planet", extra: "[serve]\nlisten = \"127.0.0.1:0\"")
        ws.dir.write("seeds/000_aaaaaaaaaaaaaaaa.txt", DaemonEndToEndTests.article("First served"))
        let daemon = try ws.start()
        let port = try #require(Self.port(of: daemon), "\(daemon.output)")
        #expect(daemon.waitForLog("ready:"), "\(daemon.output)")

        let first = try RawHTTPClient.send(port: port, target: "/atom.xml")
        #expect(first.status == 200)
        #expect(first.body == Array(try Data(contentsOf: URL(fileURLWithPath: ws.dir.file("out/atom.xml")))), "the file as published")
        #expect(first.header("content-type") == "application/atom+xml; charset=utf-8")
        #expect(try RawHTTPClient.send(port: port, target: "/rss.xml").header("content-type") == "application/rss+xml; charset=utf-8")
        #expect(try RawHTTPClient.send(port: port, target: "/feed.json").header("content-type") == "application/feed+json; charset=utf-8")
        #expect(try RawHTTPClient.send(port: port, target: "/feeds.opml").header("content-type") == "text/x-opml; charset=utf-8")
        let etag = try #require(first.header("etag"))
        #expect(try RawHTTPClient.send(port: port, target: "/atom.xml", headers: ["If-None-Match": etag]).status == 304)

        // A new article: once published, a conditional request gets the new feed.
        ws.dir.write("seeds/001_bbbbbbbbbbbbbbbb.txt", DaemonEndToEndTests.article("Second served"))
        #expect(daemon.wait(timeout: 5) {
            let response = try? RawHTTPClient.send(port: port, target: "/atom.xml", headers: ["If-None-Match": etag])
            return response?.status == 200 && String(decoding: response?.body ?? [], as: UTF8.self).contains("Second served")
        }, "\(daemon.output)")

        let health = try RawHTTPClient.send(port: port, target: "/healthz")
        #expect(health.status == 200, "\(String(decoding: health.body, as: UTF8.self))")
        let metrics = String(decoding: try RawHTTPClient.send(port: port, target: "/metrics").body, as: UTF8.self)
        #expect(metrics.contains("feedd_articles 2"), "\(metrics)")
        // The store and the configuration are not in the output directory, and nothing else is reachable.
        #expect(try RawHTTPClient.send(port: port, target: "/../state/feedd.sqlite").status == 404)
        #expect(try RawHTTPClient.send(port: port, target: "/../feedd.toml").status == 404)
        #expect(daemon.terminate() == 0)
        #expect((try? RawHTTPClient.send(port: port, target: "/healthz")) == nil, "the server stops with the daemon")
    }

    @Test func aBadListenAddressNamesTheKeyAndChangesNothing() throws {
        let ws = DaemonEndToEndTests.Workspace()
        ws.writeConfig(title: "Bad", extra: "[serve]\nlisten = \"example.org:80\"")
        let result = try FeeddProcess.run(["--config", ws.dir.file("feedd.toml")], in: ws.dir.path)
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains("serve.listen") && result.stderr.contains("127.0.0.1:8080"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: ws.dir.file("out")))
    }

    @Test func anAddressInUseIsAClearErrorNotAHang() throws {
        let ws = DaemonEndToEndTests.Workspace()
        ws.writeConfig(title: "Busy", extra: "[serve]\nlisten = \"127.0.0.1:0\"")
        let first = try ws.start()
        let port = try #require(Self.port(of: first), "\(first.output)")
        let other = DaemonEndToEndTests.Workspace()
        other.writeConfig(title: "Second", extra: "[serve]\nlisten = \"127.0.0.1:\(port)\"")
        let started = Date()
        let result = try FeeddProcess.run(["--config", other.dir.file("feedd.toml")], in: other.dir.path)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(result.status == 69, "EX_UNAVAILABLE: \(result.stderr)")
        #expect(result.stderr.contains("127.0.0.1:\(port)") && result.stderr.lowercased().contains("in use"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: other.dir.file("out")), "nothing published by a daemon that cannot serve")
        #expect(first.terminate() == 0)
    }
}
