import FeeddTestSupport
import Foundation
import Testing

/// Hostile articles and polled entries go through the real `feedd --once`; what lands in `atom.xml`,
/// `rss.xml`, `feed.json` and `index.html` is read back as readers do (feedparser, then html5lib on every
/// HTML-bearing field and on the page, by `Tests/Tools/check_safe_output.py`): no executable content and no
/// unsafe URL anywhere. `PagesEndToEndTests` opens the same outputs in a browser.
@Suite(.serialized) struct SafeOutputEndToEndTests {
    static let checker = OnceEndToEndTests.packageRoot + "/Tests/Tools/check_safe_output.py"

    /// Markup that has got past sanitisers: script in its disguises, event handlers, active URLs, SVG and
    /// MathML, CSS, meta refresh, and markup meant to confuse a parser.
    static let payloads = [
        "<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<scr<script>ipt>alert(2)</script>",
        "<img src=x onerror=alert(3)>", "<img src=\"javascript:alert(4)\">", "<body onload=alert(5)>",
        "<svg onload=alert(6)><circle r=1 /></svg>", "<svg><script>alert(7)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(8)></style></mglyph></table></mtext></math>",
        "<a href=\"jav&#x09;ascript:alert(9)\">tab</a>", "<a href=\" JaVaScRiPt:alert(10)\">case</a>",
        "<a href=\"vbscript:msgbox(11)\">vb</a>", "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxMik8L3NjcmlwdD4=\">data</a>",
        "<iframe src=\"javascript:alert(13)\"></iframe>", "<iframe srcdoc=\"<script>alert(14)</script>\"></iframe>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(15)\">", "<style>@import 'http://evil.example/x.css';</style>",
        "<div style=\"background:url(javascript:alert(16))\">css</div>", "<div style=\"width: expression(alert(17))\">ie</div>",
        "<object data=\"javascript:alert(18)\"></object>", "<embed src=\"data:image/svg+xml,<svg onload=alert(19)>\">",
        "<form action=\"javascript:alert(20)\"><button>go</button></form>", "<base href=\"javascript:alert(21)//\">",
        "<link rel=\"import\" href=\"http://evil.example/x.html\">", "<a href=\"javascript&colon;alert(22)\">entity colon</a>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(23)>\"></noscript>",
        "<template><script>alert(24)</script></template>", "<details open ontoggle=alert(25)>",
        "<img srcset=\"javascript:alert(26) 1x, http://ok.example/a.png 2x\">", "<video poster=\"javascript:alert(27)\"></video>",
        "<!--<img src=x onerror=alert(28)>-->", "<![CDATA[<script>alert(29)</script>]]>", "<xmp><script>alert(30)</script></xmp>",
    ]

    static func xmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static let unsafeURLs = ["javascript:alert(40)", "data:text/html,<script>alert(41)</script>", "vbscript:msgbox(42)",
                             " javascript:alert(43)", "file:///etc/passwd", "https://ok.example/\"><script>alert(44)</script>"]

    /// An RSS feed whose every field carries a payload or an unsafe URL.
    static func hostileRSS() -> String {
        var items = ""
        for (index, payload) in payloads.enumerated() {
            let url = unsafeURLs[index % unsafeURLs.count]
            items += """
                <item><guid>\(xmlEscaped(url))#\(index)</guid><title>\(xmlEscaped(payload))</title><link>\(xmlEscaped(url))</link>
                <description>\(xmlEscaped(payload))</description><author>eve@example.org (\(xmlEscaped(payload)))</author>
                <enclosure url="\(xmlEscaped(url))" type="audio/mpeg" length="1"/><source url="\(xmlEscaped(url))">\(xmlEscaped(payload))</source>
                <pubDate>Mon, 02 Nov 2026 10:\(String(format: "%02d", index % 60)):00 GMT</pubDate></item>
                """
        }
        return """
            <?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>&lt;script&gt;alert(50)&lt;/script&gt;</title><link>javascript:alert(51)</link><description>d</description>
            \(items)</channel></rss>
            """
    }

    /// An Atom feed with the payloads as text, HTML and XHTML content, and unsafe URLs everywhere.
    static func hostileAtom() -> String {
        var entries = ""
        for (index, payload) in payloads.enumerated() {
            let url = unsafeURLs[(index + 1) % unsafeURLs.count]
            let type = ["text", "html"][index % 2]
            entries += """
                <entry><id>urn:x-hostile:\(index)</id><title type="\(type)">\(xmlEscaped(payload))</title>
                <updated>2026-11-03T10:\(String(format: "%02d", index % 60)):00Z</updated><link href="\(xmlEscaped(url))"/>
                <link rel="enclosure" href="\(xmlEscaped(url))" type="image/png"/>
                <author><name>\(xmlEscaped(payload))</name><uri>\(xmlEscaped(url))</uri></author>
                <summary type="\(type)">\(xmlEscaped(payload))</summary><content type="html">\(xmlEscaped(payload))</content></entry>
                """
        }
        entries += """
            <entry><id>urn:x-hostile:xhtml</id><title>xhtml</title><updated>2026-11-04T00:00:00Z</updated>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><script>alert(60)</script>
            <a href="javascript:alert(61)" onclick="alert(62)">x</a><svg xmlns="http://www.w3.org/2000/svg" onload="alert(63)"/></div></content></entry>
            """
        return """
            <?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Hostile Atom</title><id>urn:x-hostile</id>
            <updated>2026-11-04T00:00:00Z</updated><link href="vbscript:msgbox(64)"/>\(entries)</feed>
            """
    }

    /// A JSON Feed with the payloads in its HTML and text fields.
    static func hostileJSON() throws -> String {
        let items: [[String: Any]] = payloads.enumerated().map { index, payload in
            let url = unsafeURLs[(index + 2) % unsafeURLs.count]
            return [
                "id": "hostile-json-\(index)", "title": payload, "content_html": payload, "summary": payload, "url": url,
                "external_url": url, "image": url, "date_published": "2026-11-05T10:00:00Z",
                "authors": [["name": payload, "url": url]], "attachments": [["url": url, "mime_type": "audio/mpeg"]],
            ]
        }
        let document: [String: Any] = [
            "version": "https://jsonfeed.org/version/1.1", "title": "<b>Hostile JSON</b>", "home_page_url": "javascript:alert(70)",
            "items": items,
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
    }

    static func runChecker(on directory: String) throws -> (status: Int32, output: String) {
        try ToolProcess.python([checker, directory])
    }

    /// Every payload as an article and in three polled feeds (RSS, Atom, JSON Feed), published by the real
    /// `feedd --once --all`; the outputs are in the workspace's `output`.
    static func publishHostileInputs() throws -> (workspace: OnceEndToEndTests.Workspace, run: FeeddProcess.Result) {
        let w = OnceEndToEndTests.Workspace(config: OnceEndToEndTests.Workspace.config.replacingOccurrences(
            of: "language = \"en\"", with: "language = \"en\"\nmax_entries = 1000") + """

            [polling]
            iframe_hosts = ["www.youtube-nocookie.com"]
            [[source]]
            name = "Hostile RSS"
            url = "../hostile.rss"
            [[source]]
            name = "Hostile Atom"
            url = "../hostile.atom"
            [[source]]
            name = "Hostile JSON"
            url = "../hostile.json"
            """)
        w.dir.write("hostile.rss", Self.hostileRSS())
        w.dir.write("hostile.atom", Self.hostileAtom())
        w.dir.write("hostile.json", try Self.hostileJSON())
        for (index, payload) in Self.payloads.enumerated() {
            let key = String(format: "%016x", 0xabc000 + index)
            w.seed(String(format: "%03d", index) + "_\(key).txt", """
                \(payload) in the title

                Topline

                A paragraph that holds \(payload) as text, and more words so it reads like an article.

                Source : \(Self.unsafeURLs[index % Self.unsafeURLs.count])
                """)
        }
        return (w, try w.once(["--all"]))
    }

    @Test func hostileInputsPublishNothingExecutable() throws {
        let (w, run) = try Self.publishHostileInputs()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("3 fetched"), "\(run.stderr)")
        let check = try Self.runChecker(on: w.output)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("safe-output:"), "the checker did not run: \(check.output)")
        // Every hostile entry and article made it, its payload neutralised rather than the entry dropped, but
        // for the polled copies of the one valid (if ugly) link the articles also cite: one story, the
        // article's copy kept. Unsafe links, dropped from every entry, fold nothing together.
        let n = Self.payloads.count, valid = Self.unsafeURLs.count - 1, period = Self.unsafeURLs.count
        let folded = (0..<n).filter { $0 % period == valid }.count + (0..<n).filter { ($0 + 1) % period == valid }.count
            + (0..<n).filter { ($0 + 2) % period == valid }.count
        let expected = 4 * n + 1 - folded
        #expect(check.output.contains("checked atom.xml: \(expected) entries"), "\(check.output)\n\(run.stderr)")
        #expect(check.output.contains("checked index.html: \(expected) entries"), "\(check.output)")
    }

    @Test func theCheckerFindsWhatAnUnsafeWriterWouldLeave() throws {
        let dir = TemporaryDirectory()
        dir.write("atom.xml", """
            <?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><updated>2026-01-01T00:00:00Z</updated>
            <entry><id>urn:x:1</id><title>t</title><updated>2026-01-01T00:00:00Z</updated><link href="javascript:alert(1)"/>
            <content type="html">&lt;img src=x onerror=alert(2)&gt;</content></entry></feed>
            """)
        dir.write("rss.xml", """
            <?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://ok.example/</link><description>d</description>
            <item><title>t</title><description>&lt;script&gt;alert(3)&lt;/script&gt;</description></item></channel></rss>
            """)
        dir.write("feed.json", #"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","url":"data:text/html,x","content_html":"<svg onload=alert(4)>"}]}"#)
        dir.write("index.html", """
            <!DOCTYPE html><html lang="en"><head><meta http-equiv="refresh" content="0;url=https://ok.example/"><title>t</title></head>
            <body><a href="javascript:alert(5)">x</a><p style="color:red">s</p><script>alert(6)</script></body></html>
            """)
        let check = try Self.runChecker(on: dir.path)
        #expect(check.status == 1, "\(check.output)")
        for needle in [
            "onerror", "<script>", "javascript:alert(1)", "data:text/html", "<svg>", "index.html: no Content-Security-Policy meta",
            "index.html: <meta>", "index.html: href='javascript:alert(5)'", "index.html: style=", "index.html: <script>",
        ] {
            #expect(check.output.contains(needle), "missed \(needle): \(check.output)")
        }
    }
}
