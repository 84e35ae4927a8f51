import FeedCore
import FeedIO
import FeeddTestSupport
import Foundation
import Testing

/// A source's headers, credentials, user agent and proxy, against real servers on 127.0.0.1.
@Suite(.serialized) struct SourceAccessFetchTests {
    static let feed = Array("<rss version=\"2.0\"><channel><title>t</title></channel></rss>".utf8)

    /// A password file holding `password` (and a trailing newline, as editors write it).
    static func passwordFile(_ password: String) -> (TemporaryDirectory, String) {
        let dir = TemporaryDirectory()
        dir.write("password", password + "\n")
        return (dir, dir.file("password"))
    }

    @Test func headersCredentialsAndUserAgentArrive() async throws {
        let (dir, path) = Self.passwordFile("s3cret pass")
        _ = dir
        let expected = "Basic " + Data("reader:s3cret pass".utf8).base64EncodedString()
        let server = try TestHTTPServer { request in
            request.header("authorization") == expected ? .respond(status: 200, body: Self.feed) : .respond(status: 401)
        }
        defer { server.shutdown() }
        try await HTTPFetcher.withFetcher(settings: FetcherSettings(userAgent: "feedd-test/1")) { fetcher in
            let access = SourceAccess(
                headers: [.init(name: "X-Api-Key", value: "k-123"), .init(name: "Accept", value: "application/rss+xml")],
                username: "reader", passwordFile: path, userAgent: "members-agent/2"
            )
            let outcome = await fetcher.fetch(FetchRequest(url: server.baseURL + "/feed", access: access))
            guard case .fetched = outcome else { Issue.record("expected the feed, got \(outcome)"); return }
            let request = try #require(server.requests.last)
            #expect(request.header("x-api-key") == "k-123")
            #expect(request.header("accept") == "application/rss+xml", "a source's header replaces feedd's")
            #expect(request.header("user-agent") == "members-agent/2")

            // Without the credentials the server refuses: the 401 is a failure that names no secret.
            let refused = await fetcher.fetch(FetchRequest(url: server.baseURL + "/feed"))
            guard case let .failed(failure) = refused else { Issue.record("expected 401"); return }
            #expect(failure.status == 401)
            #expect(server.requests.last?.header("user-agent") == "feedd-test/1")
        }
    }

    @Test func credentialsAreReadAtEachFetchAndAMissingFileIsAClearFailure() async throws {
        let (dir, path) = Self.passwordFile("first")
        let server = try TestHTTPServer { _ in .respond(status: 200, body: Self.feed) }
        defer { server.shutdown() }
        try await HTTPFetcher.withFetcher(settings: FetcherSettings(userAgent: "feedd-test/1")) { fetcher in
            let request = FetchRequest(url: server.baseURL + "/feed", access: SourceAccess(username: "u", passwordFile: path))
            _ = await fetcher.fetch(request)
            #expect(server.requests.last?.header("authorization") == "Basic " + Data("u:first".utf8).base64EncodedString())
            dir.write("password", "rotated\n")
            _ = await fetcher.fetch(request)
            #expect(server.requests.last?.header("authorization") == "Basic " + Data("u:rotated".utf8).base64EncodedString())

            try FileManager.default.removeItem(atPath: path)
            let count = server.requests.count
            guard case let .failed(failure) = await fetcher.fetch(request) else { Issue.record("expected a failure"); return }
            #expect(failure.message.contains(path) && failure.message.contains("credentials"), "\(failure.message)")
            #expect(server.requests.count == count, "nothing is sent without the password")
        }
    }

    /// Headers and credentials go to the source's own origin only: a redirect to another host (here
    /// another port) gets neither, as curl does.
    @Test func aRedirectElsewhereGetsNoCredentials() async throws {
        let (dir, path) = Self.passwordFile("pw")
        _ = dir
        let elsewhere = try TestHTTPServer { _ in .respond(status: 200, body: Self.feed) }
        defer { elsewhere.shutdown() }
        let target = elsewhere.baseURL + "/feed"
        let origin = try TestHTTPServer { request in
            request.path == "/moved" ? .respond(status: 302, headers: ["location": target]) : .respond(status: 302, headers: ["location": "/moved"])
        }
        defer { origin.shutdown() }
        try await HTTPFetcher.withFetcher(settings: FetcherSettings(userAgent: "feedd-test/1")) { fetcher in
            let access = SourceAccess(headers: [.init(name: "X-Api-Key", value: "k")], username: "u", passwordFile: path)
            guard case .fetched = await fetcher.fetch(FetchRequest(url: origin.baseURL + "/start", access: access)) else {
                Issue.record("expected the feed after two redirects")
                return
            }
            #expect(origin.requests.count == 2)
            #expect(origin.requests.allSatisfy { $0.header("authorization") != nil && $0.header("x-api-key") == "k" }, "same origin: sent")
            let other = try #require(elsewhere.requests.first)
            #expect(other.header("authorization") == nil && other.header("x-api-key") == nil, "another origin: not sent")
        }
    }

    /// Through a proxy the request is tunnelled (CONNECT) by the proxy, here to a loopback server: the
    /// source's host resolves nowhere, so only the proxy can reach it. Sources without a proxy go direct.
    @Test func aProxyIsUsedForTheSourcesThatNameIt() async throws {
        let origin = try TestHTTPServer { _ in .respond(status: 200, body: Self.feed) }
        defer { origin.shutdown() }
        let originPort = origin.port
        let proxy = try ConnectProxy { $0 == "feeds.example.invalid:80" ? originPort : nil }
        defer { proxy.shutdown() }
        await HTTPFetcher.withFetcher(settings: FetcherSettings(userAgent: "feedd-test/1", timeoutSeconds: 10)) { fetcher in
            let through = SourceAccess(headers: [.init(name: "X-Api-Key", value: "k")], proxy: SourceAccess.Proxy(host: "127.0.0.1", port: proxy.port))
            let url = "http://feeds.example.invalid/members.xml"
            let outcome = await fetcher.fetch(FetchRequest(url: url, access: through))
            guard case .fetched = outcome else {
                Issue.record("expected the feed through the proxy, got \(outcome); the proxy saw \(proxy.targets)")
                return
            }
            #expect(proxy.targets == ["feeds.example.invalid:80"])
            #expect(origin.requests.first?.path == "/members.xml")
            #expect(origin.requests.first?.header("x-api-key") == "k", "inside the tunnel, to the source")
            #expect(!proxy.heads.joined().contains("X-Api-Key"), "the proxy is not told the source's headers")

            _ = await fetcher.fetch(FetchRequest(url: origin.baseURL + "/direct"))
            #expect(origin.requests.last?.path == "/direct" && proxy.targets.count == 1, "no proxy named: direct")
        }
    }

    @Test func proxyAddressesAreReadStrictly() {
        #expect(SourceAccess.Proxy(url: "http://proxy.example:3128") == SourceAccess.Proxy(host: "proxy.example", port: 3128))
        #expect(SourceAccess.Proxy(url: "http://[::1]:8080")?.description == "http://[::1]:8080")
        for bad in ["proxy.example:3128", "http://proxy.example", "https://proxy.example:443", "http://u:p@proxy.example:3128",
                    "http://proxy.example:3128/path", "socks5://proxy.example:1080", "http://proxy.example:0"] {
            #expect(SourceAccess.Proxy(url: bad) == nil, "\(bad)")
        }
    }
}
