import FeedCore
import FeedIO
@testable import FeedServe
import Foundation
import Testing

/// The pure rules the server answers by: conditional requests, content coding, servable names, addresses.
@Suite struct ServeRulesTests {
    let modified = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
    let tags = ["\"abc-1\"", "\"abc-1-gz\""]

    @Test(arguments: [
        ("\"abc-1\"", true), ("\"abc-1-gz\"", true), ("W/\"abc-1\"", true), ("\"old\", \"abc-1\"", true),
        ("*", true), ("\"old\"", false), ("abc-1", false), ("\"a,b\", \"abc-1-gz\"", true), ("", false),
    ])
    func ifNoneMatchComparesWeakly(header: String, notModified: Bool) {
        #expect(ConditionalRequest.isNotModified(ifNoneMatch: header, ifModifiedSince: nil, etags: tags, lastModified: modified) == notModified)
    }

    @Test func ifNoneMatchWinsOverIfModifiedSince() {
        let later = "Wed, 15 Nov 2023 00:00:00 GMT"
        #expect(!ConditionalRequest.isNotModified(ifNoneMatch: "\"old\"", ifModifiedSince: later, etags: tags, lastModified: modified))
        #expect(ConditionalRequest.isNotModified(ifNoneMatch: nil, ifModifiedSince: later, etags: tags, lastModified: modified))
        #expect(ConditionalRequest.isNotModified(ifNoneMatch: nil, ifModifiedSince: FeedDate.httpDate(modified), etags: tags, lastModified: modified))
        #expect(!ConditionalRequest.isNotModified(ifNoneMatch: nil, ifModifiedSince: "Tue, 14 Nov 2023 22:13:19 GMT", etags: tags, lastModified: modified))
        #expect(!ConditionalRequest.isNotModified(ifNoneMatch: nil, ifModifiedSince: "yesterday", etags: tags, lastModified: modified))
    }

    @Test(arguments: [
        ("gzip", true), ("gzip, deflate, br", true), ("GZIP;q=0.5", true), ("gzip;q=0", false), ("x-gzip", true),
        ("*", true), ("*;q=0", false), ("*, gzip;q=0", false), ("deflate, br", false), ("identity", false), ("gzip;q=zero", false),
    ])
    func acceptEncoding(header: String, gzip: Bool) {
        #expect(ContentCoding.acceptsGzip(header) == gzip)
    }

    @Test func noAcceptEncodingMeansNoGzip() {
        #expect(!ContentCoding.acceptsGzip(nil))
    }

    @Test(arguments: [
        ("/atom.xml", "atom.xml"), ("/robots.txt", "robots.txt"), ("/feed_2-b.json", "feed_2-b.json"),
        ("/../state/feedd.sqlite", nil), ("/..", nil), ("/.atom.xml.tmp-123456", nil), ("/sub/atom.xml", nil),
        ("/%2e%2e/etc", nil), ("/atom.xml%00", nil), ("/atom.xml?x=1", nil), ("atom.xml", nil), ("/", nil), ("//etc/passwd", nil),
        ("/caf\u{E9}.xml", nil), ("/a b", nil),
    ] as [(String, String?)])
    func onlyPlainNamesAreServable(path: String, name: String?) {
        #expect(ServableName.fromPath(path) == name)
    }

    @Test(arguments: [
        ("127.0.0.1:8080", "127.0.0.1", 8080), ("0.0.0.0:80", "0.0.0.0", 80), ("localhost:0", "localhost", 0),
        ("[::1]:8080", "::1", 8080), ("[::]:443", "::", 443),
    ])
    func listenAddressesAreRead(text: String, host: String, port: Int) {
        #expect(ListenAddress(text) == ListenAddress(host: host, port: port))
    }

    @Test(arguments: ["8080", "127.0.0.1", "127.0.0.1:", "127.0.0.1:65536", "256.0.0.1:80", "example.org:80", "[::1]8080",
                      "::1:8080", "127.0.0.1:80x", "[]:80", "1.2.3:80", " 127.0.0.1:80"])
    func badListenAddressesAreRefused(text: String) {
        #expect(ListenAddress(text) == nil)
    }

    @Test func mediaTypesFollowThePublishedNames() {
        let files = OutputFiles(atom: "planet.atom", rss: "planet.rss", opml: "list.opml", json: "planet.json")
        #expect(MediaType.of("planet.atom", files: files) == "application/atom+xml; charset=utf-8")
        #expect(MediaType.of("planet.rss", files: files) == "application/rss+xml; charset=utf-8")
        #expect(MediaType.of("planet.json", files: files) == "application/feed+json; charset=utf-8")
        #expect(MediaType.of("list.opml", files: files) == "text/x-opml; charset=utf-8")
        #expect(MediaType.of("index.html", files: files) == "text/html; charset=utf-8")
        #expect(MediaType.of("feed.xsl", files: files) == "text/xsl; charset=utf-8")
        #expect(MediaType.of("blob", files: files) == "application/octet-stream")
        // `[[output]]` feeds.
        #expect(MediaType.of("local.atom.xml", files: files) == "application/atom+xml; charset=utf-8")
        #expect(MediaType.of("local.rss.xml", files: files) == "application/rss+xml; charset=utf-8")
        #expect(MediaType.of("local.feed.json", files: files) == "application/feed+json; charset=utf-8")
    }
}
