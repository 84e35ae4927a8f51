import FeeddTestSupport
import Foundation
import Testing

/// The real `feedd --once` in the configurations people run (no configuration file; the bundled one;
/// polled sources with and without public URLs), its four outputs checked by `Tests/Tools/check_interop.py`
/// with the tools readers and validators use: libxml2's RELAX NG validator, feedparser, newsboat, sfeed,
/// the JSON Feed 1.1 schema, and the W3C Feed Validation Service's rules. No finding is allowed.
@Suite(.serialized) struct InteropEndToEndTests {
    static let checker = OnceEndToEndTests.packageRoot + "/Tests/Tools/check_interop.py"

    /// Runs the checker on `directory`; with `FEEDD_KEEP_OUTPUTS` set, first copies the outputs there under
    /// `name` (to be read by other validators, such as a local W3C Feed Validation Service).
    static func runChecker(
        _ directory: String, name: String, entries: Int? = nil, opmlURLs: [String]? = nil
    ) async throws -> (status: Int32, output: String) {
        try await offThePool { try runCheckerBlocking(directory, name: name, entries: entries, opmlURLs: opmlURLs) }
    }

    static func runCheckerBlocking(
        _ directory: String, name: String, entries: Int?, opmlURLs: [String]?
    ) throws -> (status: Int32, output: String) {
        if let keep = ProcessInfo.processInfo.environment["FEEDD_KEEP_OUTPUTS"] {
            try? FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: keep + "/" + name)
            try FileManager.default.copyItem(atPath: directory, toPath: keep + "/" + name)
        }
        return try ToolProcess.python([checker, directory] + (entries.map { ["--entries", String($0)] } ?? [])
            + (opmlURLs.map { ["--opml-urls", $0.joined(separator: ",")] } ?? []))
    }

    /// Articles whose fields are hard to publish validly: URLs with characters no URI may hold, a host in
    /// Unicode, markup in titles and text, several languages.
    static let articles: [(name: String, text: String)] = [
        ("000_a1b2c3d4e5f60001.txt", """
            Größe 98: the sizing page everyone links to

            Topline

            An encyclopaedia page about clothing sizes is cited by shops in a dozen countries, often with its umlaut intact.

            Source : https://de.wikipedia.org/wiki/Größe_98
            """),
        ("001_a1b2c3d4e5f60002.txt", """
            Quotes, <angle brackets> & braces in a link

            Topline

            The source below was pasted by hand, with quotes, angle brackets and braces in it: <b>not bold</b>.

            Source : https://example.org/a%20path/"quoted"/<x>?q=a|b{c}^%zz
            """),
        ("002_a1b2c3d4e5f60003.txt", """
            Un libraire de Lyon ouvre une boutique en ligne

            Topline

            La librairie, installée depuis 1952 sur les quais, vend désormais ses livres rares sur internet.

            Faits marquants

            Le site est hébergé sous un nom de domaine accentué, ce qui a surpris ses clients.

            Source : https://bücher.example/lyon/boutique?ref=été#haut
            """),
        ("003_a1b2c3d4e5f60004.txt", """
            東京の図書館、開館時間を延長

            概要

            区立図書館は来月から平日の開館時間を午後九時まで延長すると発表した。

            Source : https://例え.テスト/図書館/2026
            """),
    ]

    static func seed(_ dir: TemporaryDirectory, into folder: String) throws {
        try FileManager.default.createDirectory(atPath: dir.file(folder), withIntermediateDirectories: true)
        for article in articles { dir.write(folder + "/" + article.name, article.text) }
    }

    // MARK: Polled sources

    /// An RSS feed with several authors per item, relative links in bodies, IRIs and an enclosure of unknown type.
    static let multiAuthorRSS = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Workshop Notes</title><link>/</link><description>Notes from the workshop</description>
        <item><title>Two hands on one bench</title><link>/notes/bench</link><guid isPermaLink="false">notes-bench</guid>
          <author>ana@example.com (Ana Ferreira)</author><author>ben@example.com (Ben Okafor)</author>
          <dc:creator>Chloé Martin</dc:creator>
          <description>&lt;p&gt;See &lt;a href="/notes/plan.pdf"&gt;the plan&lt;/a&gt;, &lt;a href="https://de.wikipedia.org/wiki/Größe 98"&gt;the sizes&lt;/a&gt; and &lt;img src="img/bench one.jpg" alt="bench"&gt;.&lt;/p&gt;</description>
          <pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate><category>wood</category></item>
        <item><title>Sizes, in German</title><link>https://de.wikipedia.org/wiki/Größe_98</link><guid>https://example.com/notes/größe</guid>
          <description>A page with an umlaut in its address.</description><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate>
          <enclosure url="/media/talk one.mp3" length="1234"/></item>
        <item><title>Quoting &lt;tags&gt; &amp; ampersands</title><link>https://example.com/notes/q?a=1&amp;b=&lt;2&gt;</link>
          <content:encoded>&lt;p&gt;Body with a &lt;a href="../up.html"&gt;relative link&lt;/a&gt; and a &lt;a href="#top"&gt;fragment&lt;/a&gt;.&lt;/p&gt;</content:encoded>
          <pubDate>Mon, 02 Nov 2026 11:00:00 GMT</pubDate><dc:creator>Ana Ferreira</dc:creator><dc:creator>Ben Okafor</dc:creator></item>
        <item><title>A lone author with an address</title><link>https://example.com/notes/lone</link>
          <author>ana@example.com (Ana Ferreira)</author><description>Short.</description><pubDate>Mon, 02 Nov 2026 12:00:00 GMT</pubDate></item>
        </channel></rss>
        """

    /// An Atom feed under an `xml:base`, with XHTML content, a Unicode host and authors with and without addresses.
    static let baseAtom = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="/blog/">
        <title>Harbour Log</title><id>urn:uuid:2d6f0c3e-1b4a-4c8e-9f00-aa5500000001</id><updated>2026-11-03T12:00:00Z</updated>
        <link href="./"/>
        <entry><title>Tide tables</title><id>urn:uuid:2d6f0c3e-1b4a-4c8e-9f00-aa5500000002</id><updated>2026-11-03T08:00:00Z</updated>
          <link href="tides/2026"/><author><name>Dana</name><email>dana@example.com</email></author><author><name>Eli</name></author>
          <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The <a href="tides/2026.csv">table</a> and <img src="/img/tide.png" alt="chart"/>.</p></div></content></entry>
        <entry><title>Books by the sea</title><id>urn:uuid:2d6f0c3e-1b4a-4c8e-9f00-aa5500000003</id><updated>2026-11-03T09:00:00Z</updated>
          <link href="https://bücher.example/meer"/><summary>A shop with a Unicode name.</summary></entry>
        <entry><title>No link at all</title><id>urn:uuid:2d6f0c3e-1b4a-4c8e-9f00-aa5500000004</id><updated>2026-11-03T10:00:00Z</updated>
          <content type="html">&lt;p&gt;Only &lt;a href="more.html"&gt;content&lt;/a&gt;.&lt;/p&gt;</content></entry>
        </feed>
        """

    static let jsonFeed = """
        {"version": "https://jsonfeed.org/version/1.1", "title": "Garden JSON", "home_page_url": "/garden/",
         "items": [
          {"id": "g1", "url": "/garden/tomatoes", "title": "Tomatoes", "content_html": "<p>See <a href='seeds.html'>seeds</a>.</p>",
           "date_published": "2026-11-04T08:00:00Z", "authors": [{"name": "Fay"}, {"name": "Gus", "url": "/people/gus"}]},
          {"id": "g2", "url": "https://example.com/garden/beans", "title": "Beans", "content_text": "Plain text & <more>.",
           "date_published": "2026-11-04T09:00:00Z"}
         ]}
        """

    /// Two feeds that date nothing (RSS 0.91 and RSS 1.0 without `dc:date`), polled in the same second:
    /// feedd gives each item a second of its own, the feed's order kept.
    static let undatedRSS091 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="0.91"><channel><title>Almanac</title><link>https://almanac.test.example/</link>
        <description>Undated notes</description><language>en</language>
        <item><title>Frost dates</title><link>https://almanac.test.example/frost</link><description>When the first frost comes.</description></item>
        <item><title>Moon phases</title><link>https://almanac.test.example/moon</link><description>Waxing, full, waning.</description></item>
        <item><title>Tide tables</title><link>https://almanac.test.example/tides</link><description>High and low water.</description></item>
        </channel></rss>
        """

    static let undatedRSS10 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
        <channel rdf:about="https://ledger.test.example/"><title>Ledger</title><link>https://ledger.test.example/</link>
        <description>More undated notes</description></channel>
        <item rdf:about="https://ledger.test.example/one"><title>Entry one</title><link>https://ledger.test.example/one</link></item>
        <item rdf:about="https://ledger.test.example/two"><title>Entry two</title><link>https://ledger.test.example/two</link></item>
        </rdf:RDF>
        """

    /// A loopback server with the three feeds, two undated ones, a source moved (301) to an already-subscribed URL, and one gone (410).
    static func server() throws -> TestHTTPServer {
        try TestHTTPServer { request in
            switch request.path {
            case "/multi.rss": .respond(status: 200, headers: ["Content-Type": "application/rss+xml"], body: Array(multiAuthorRSS.utf8))
            case "/atom.xml": .respond(status: 200, headers: ["Content-Type": "application/atom+xml"], body: Array(baseAtom.utf8))
            case "/feed.json": .respond(status: 200, headers: ["Content-Type": "application/feed+json"], body: Array(jsonFeed.utf8))
            case "/undated.rss": .respond(status: 200, headers: ["Content-Type": "application/rss+xml"], body: Array(undatedRSS091.utf8))
            case "/undated.rdf": .respond(status: 200, headers: ["Content-Type": "application/rdf+xml"], body: Array(undatedRSS10.utf8))
            case "/moved": .respond(status: 301, headers: ["Location": "/multi.rss"])
            case "/hub": .respond(status: 204)
            case "/gone.xml": .respond(status: 410)
            default: .respond(status: 404)
            }
        }
    }

    static func sourcesConfig(_ server: TestHTTPServer, published: Bool) -> String {
        let urls = published ? """
            base_url = "https://feeds.test.example/planet/"
            site_url = "https://test.example/"
            websub_hubs = ["\(server.baseURL)/hub"]

            """ : ""
        return """
            [feed]
            title = "Interop planet"
            tag_authority = "test.example,2026"
            \(urls)[paths]
            seeds = "seeds"
            output = "public"
            state = "state"
            [[source]]
            name = "Workshop"
            url = "\(server.baseURL)/multi.rss"
            [[source]]
            name = "Harbour"
            url = "\(server.baseURL)/atom.xml"
            [[source]]
            name = "Garden"
            url = "\(server.baseURL)/feed.json"
            [[source]]
            name = "Almanac"
            url = "\(server.baseURL)/undated.rss"
            [[source]]
            name = "Ledger"
            url = "\(server.baseURL)/undated.rdf"
            [[source]]
            name = "Workshop, old address"
            url = "\(server.baseURL)/moved"
            [[source]]
            name = "Retired"
            url = "\(server.baseURL)/gone.xml"
            """
    }

    /// The real binary, waited for off the cooperative pool.
    static func feedd(_ arguments: [String], in directory: String) async throws -> FeeddProcess.Result {
        try await offThePool { try FeeddProcess.run(arguments, in: directory) }
    }

    // MARK: Tests

    @Test func withoutAConfigurationFile() async throws {
        let dir = TemporaryDirectory()
        try Self.seed(dir, into: "seeds")
        try FileManager.default.createDirectory(atPath: dir.file("cwd"), withIntermediateDirectories: true)
        let run = try await Self.feedd(
            ["--once", "--seeds", dir.file("seeds"), "--output", dir.file("out"), "--state", dir.file("state")], in: dir.file("cwd"))
        #expect(run.status == 0, "\(run.stderr)")
        // What the fallbacks are and what to set, said once.
        #expect(run.stderr.components(separatedBy: "feed.base_url is not set").count == 2, "\(run.stderr)")
        #expect(run.stderr.contains("feed.site_url is not set"), "\(run.stderr)")
        let check = try await Self.runChecker(dir.file("out"), name: "no-config", entries: Self.articles.count, opmlURLs: [])
        #expect(check.status == 0, "\(check.output)")
        let atom = try String(contentsOfFile: dir.file("out/atom.xml"), encoding: .utf8)
        #expect(atom.contains("https://de.wikipedia.org/wiki/Gr%C3%B6%C3%9Fe_98"))
        #expect(atom.contains("https://xn--bcher-kva.example/lyon/boutique?ref=%C3%A9t%C3%A9#haut"))
        #expect(atom.contains("https://xn--r8jz45g.xn--zckzah/"))
        #expect(atom.contains("https://example.org/a%20path/%22quoted%22/%3Cx%3E?q=a%7Cb%7Bc%7D%5E%25zz"))
        let checkCommand = try await Self.feedd(
            ["check", "--seeds", dir.file("seeds"), "--output", dir.file("out"), "--state", dir.file("state")], in: dir.file("cwd"))
        #expect(checkCommand.stdout.contains("# note: feed.base_url is not set"), "\(checkCommand.stdout)")
    }

    @Test func withTheBundledConfiguration() async throws {
        let dir = TemporaryDirectory()
        let root = OnceEndToEndTests.packageRoot
        try FileManager.default.copyItem(atPath: root + "/config", toPath: dir.file("config"))
        try FileManager.default.copyItem(atPath: root + "/seeds", toPath: dir.file("seeds"))
        let run = try await Self.feedd(["--once"], in: dir.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("is not set"), "\(run.stderr)")
        let check = try await Self.runChecker(dir.file("feeds"), name: "bundled", opmlURLs: [
            "https://example.org/feeds/atom.xml", "https://example.org/feeds/rss.xml", "https://example.org/feeds/feed.json",
        ])
        #expect(check.status == 0, "\(check.output)")
    }

    @Test(arguments: [true, false])
    func withPolledSources(published: Bool) async throws {
        let server = try Self.server()
        defer { server.shutdown() }
        let dir = TemporaryDirectory()
        try Self.seed(dir, into: "seeds")
        dir.write("feedd.toml", Self.sourcesConfig(server, published: published))
        let run = try await Self.feedd(["--once", "--all", "--config", dir.file("feedd.toml")], in: dir.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("6 fetched"), "\(run.stderr)")
        // The moved source's entries are the Workshop's: folded into one copy each. So is the Workshop's item
        // that links where an article's Source line does (the article's copy is kept).
        let entries = Self.articles.count + 4 + 3 + 2 - 1 + 3 + 2
        let own = published
            ? ["atom.xml", "rss.xml", "feed.json"].map { "https://feeds.test.example/planet/" + $0 } : []
        // One outline per feed URL (the 301 led to one already listed), none for the source gone with 410.
        let sources = ["/multi.rss", "/atom.xml", "/feed.json", "/undated.rss", "/undated.rdf"].map { server.baseURL + $0 }
        let check = try await Self.runChecker(
            dir.file("public"), name: published ? "sources-published" : "sources-local", entries: entries, opmlURLs: own + sources)
        #expect(check.status == 0, "\(check.output)\n\(run.stderr)")
        let status = try await Self.feedd(["status", "--config", dir.file("feedd.toml")], in: dir.path)
        #expect(status.stdout.contains("Retired"), "a retired source stays in status: \(status.stdout)")
    }

    /// The checker is only worth its silence if it speaks: outputs with the faults this issue found.
    @Test func theCheckerFindsWhatAnInvalidWriterWouldLeave() async throws {
        let dir = TemporaryDirectory()
        dir.write("atom.xml", """
            <?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id>
            <updated>2026-01-01T00:00:00Z</updated><author><name>a</name></author>
            <entry><id>urn:x:1</id><title>t</title><updated>2026-01-01T00:00:00Z</updated><link href="https://x.example/a b"/>
            <source><id>urn:s</id><title>s</title></source></entry>
            <entry><id>urn:x:2</id><title>u</title><updated>2026-01-01T00:00:00Z</updated><link href="https://x.example/2"/></entry></feed>
            """)
        dir.write("rss.xml", """
            <?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
            xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title><link>rss.xml</link><description>d</description>
            <item><title>t</title><link>https://de.wikipedia.org/wiki/Größe</link><guid isPermaLink="false">1</guid>
            <author>a@x.example (A)</author><author>b@x.example (B)</author><dc:creator>C</dc:creator>
            <pubDate>Thu, 01 Jan 2026 00:00:00 GMT</pubDate><dc:date>2026-01-01T00:00:00Z</dc:date>
            <content:encoded>&lt;a href="/rel"&gt;r&lt;/a&gt;</content:encoded></item>
            <item><title>u</title><guid isPermaLink="false">2</guid><description>d</description><pubDate>Thu, 01 Jan 2026 00:00:00 GMT</pubDate></item>
            </channel></rss>
            """)
        dir.write("feed.json", #"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","url":"https://x.example/a b"},{"id":"2","content_text":""}]}"#)
        dir.write("feeds.opml", """
            <?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>t</title><docs>http://opml.org/spec2.opml</docs></head>
            <body><outline text="a" type="rss" xmlUrl="atom.xml"/><outline text="b" type="rss" xmlUrl="https://x.example/f"/>
            <outline text="c" type="rss" xmlUrl="https://x.example/f"/></body></opml>
            """)
        let check = try await Self.runChecker(dir.path, name: "invalid-writer")
        #expect(check.status == 1, "\(check.output)")
        for rule in [
            "atom.xml: InvalidUriChar", "atom.xml: MissingSelf", "atom.xml: DuplicateUpdated", "atom.xml: MissingSourceElement",
            "rss.xml: InvalidFullLink", "rss.xml: UriNotIri", "rss.xml: DuplicateElement", "rss.xml: DuplicateItemSemantics",
            "rss.xml: NeedDescriptionBeforeContent", "rss.xml: ContainsRelRef", "rss.xml: MissingAtomSelfLink",
            "feed.json: Schema", "feeds.opml: UndefinedElement", "feeds.opml: NotPublic", "feeds.opml: DuplicateOutline",
        ] {
            #expect(check.output.contains(rule), "missed \(rule): \(check.output)")
        }
    }
}
