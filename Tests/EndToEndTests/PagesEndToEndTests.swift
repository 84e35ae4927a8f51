import FeeddTestSupport
import Foundation
import Testing

/// The pages for people as the real `feedd --once` writes them: `index.html` with the entries, each source's
/// status and the subscribe links; then, in headless Chromium (`Tests/Tools/check_pages.py`), that page and
/// `atom.xml` and `rss.xml` shown through `feed.xsl`, as a person sees them, hostile titles as text.
///
/// The Chromium tests are skipped, saying why, when it is not installed (CI installs it). With
/// `FEEDD_SCREENSHOTS=DIR` their phone-sized screenshots are kept in `DIR`.
@Suite(.serialized) struct PagesEndToEndTests {
    static let checker = OnceEndToEndTests.packageRoot + "/Tests/Tools/check_pages.py"

    /// Chromium on the `PATH`, or nil.
    static let chromium: String? = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(onPath).first

    static func onPath(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let noChromium: Comment = "chromium is not installed: apt-get install -y chromium (CI installs it, .ci/run)"

    /// An Atom feed whose titles and summaries hold markup and entities as text, and an unsafe link.
    static let notesAtom = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Log</title><id>urn:uuid:5a1e0000-0000-4000-8000-000000000001</id>
        <updated>2026-11-03T12:00:00Z</updated><link href="https://harbour.test.example/"/>
        <entry><title type="text">&lt;script&gt;alert(1)&lt;/script&gt; stays text</title><id>urn:uuid:5a1e0000-0000-4000-8000-000000000002</id>
          <updated>2026-11-03T08:00:00Z</updated><link href="javascript:alert(2)"/>
          <summary>AT&amp;amp;T &amp; &lt;b&gt;not bold&lt;/b&gt;, "quoted" &amp;nbsp; text</summary></entry>
        <entry><title>Tide tables for the week</title><id>urn:uuid:5a1e0000-0000-4000-8000-000000000003</id>
          <updated>2026-11-03T09:00:00Z</updated><link href="https://harbour.test.example/tides"/>
          <content type="html">&lt;p&gt;High water at &lt;b&gt;six&lt;/b&gt; &amp;amp; low at noon.&lt;/p&gt;</content></entry>
        </feed>
        """

    /// A loopback server: a healthy Atom and RSS feed, one gone (410), one failing (500).
    static func server() throws -> TestHTTPServer {
        try TestHTTPServer { request in
            switch request.path {
            case "/notes.atom": .respond(status: 200, headers: ["Content-Type": "application/atom+xml"], body: Array(notesAtom.utf8))
            case "/multi.rss":
                .respond(status: 200, headers: ["Content-Type": "application/rss+xml"], body: Array(InteropEndToEndTests.multiAuthorRSS.utf8))
            case "/gone.xml": .respond(status: 410)
            default: .respond(status: 500)
            }
        }
    }

    static func config(_ server: TestHTTPServer) -> String {
        """
        [feed]
        title = "Pages & <people>"
        subtitle = "What the planet reads"
        tag_authority = "test.example,2026"
        base_url = "https://feeds.test.example/planet/"
        site_url = "https://test.example/"
        language = "en"
        [paths]
        seeds = "seeds"
        output = "public"
        state = "state"
        [[source]]
        name = "Harbour"
        url = "\(server.baseURL)/notes.atom"
        [[source]]
        name = "Workshop"
        url = "\(server.baseURL)/multi.rss"
        [[source]]
        name = "Retired"
        url = "\(server.baseURL)/gone.xml"
        [[source]]
        name = "Broken"
        url = "\(server.baseURL)/broken.xml"
        [[source]]
        name = "Private notes"
        url = "private/missing-notes.xml"
        """
    }

    /// The articles and sources above through the real `feedd --once --all`; the outputs are in `public/`.
    static func publish() async throws -> TemporaryDirectory {
        let server = try Self.server()
        defer { server.shutdown() }
        let dir = TemporaryDirectory()
        try InteropEndToEndTests.seed(dir, into: "seeds")
        dir.write("feedd.toml", Self.config(server))
        let run = try await InteropEndToEndTests.feedd(["--once", "--all", "--config", dir.file("feedd.toml")], in: dir.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("index.html: written"), "\(run.stderr)")
        #expect(run.stderr.contains("feed.xsl: written"), "\(run.stderr)")
        return dir
    }

    /// Runs check_pages.py on `directory`, keeping the screenshots in `$FEEDD_SCREENSHOTS/name` when set
    /// (else beside `directory`, deleted with it).
    static func runChecker(_ directory: String, name: String, chromium: String) throws -> (status: Int32, output: String) {
        let shots = ProcessInfo.processInfo.environment["FEEDD_SCREENSHOTS"].map { $0 + "/" + name } ?? directory + "/../screenshots"
        return try ToolProcess.python([checker, directory, "--chromium", chromium, "--screenshots", shots])
    }

    // MARK: Tests

    @Test func thePageShowsTheEntriesEachSourcesStatusAndTheSubscribeLinks() async throws {
        let dir = try await Self.publish()
        let page = try String(contentsOfFile: dir.file("public/index.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:"/>"#))
        #expect(page.contains("<h1>Pages &amp; &lt;people&gt;</h1>"))
        for output in ["atom.xml", "rss.xml", "feed.json", "feeds.opml"] {
            #expect(page.contains("<a href=\"\(output)\""), "\(output)")
        }
        // As many entries as the feeds carry, markup in a title shown as text, no unsafe link.
        let items = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("public/feed.json"))))
        let count = ((items as? [String: Any])?["items"] as? [Any])?.count ?? -1
        #expect(page.components(separatedBy: "<article>").count - 1 == count)
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; stays text"))
        #expect(!page.lowercased().contains("javascript:") && !page.lowercased().contains("<script"))
        // Each source as it stands: named by its feed's title once fetched, else by the configuration.
        #expect(page.contains("<h3>Harbour Log</h3>"))
        #expect(page.contains("<h3>Workshop Notes</h3>"))
        #expect(page.contains("<h3>Retired</h3>"))
        #expect(page.contains("<dd class=\"failed\">retired (410): the publisher removed the feed; it is no longer polled</dd>"))
        #expect(page.contains("<h3>Broken</h3>"))
        #expect(page.contains("<dt>Last error</dt><dd>FETCH: HTTP 500"), "\(page)")
        // A local source shows neither its path nor the message that names it.
        #expect(page.contains("<h3>Private notes</h3>"))
        #expect(page.contains("<dd>FETCH: details in feedd status</dd>"))
        #expect(!page.contains(dir.path) && !page.contains("missing-notes"))
    }

    @Test func theFeedsStayValidAndSafeWithTheStylesheetInstruction() async throws {
        let dir = try await Self.publish()
        for name in ["atom.xml", "rss.xml"] {
            let text = try String(contentsOfFile: dir.file("public/" + name), encoding: .utf8)
            #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"feed.xsl\"?>\n"))
        }
        let interop = try await InteropEndToEndTests.runChecker(dir.file("public"), name: "pages")
        #expect(interop.status == 0, "\(interop.output)")
        let output = dir.file("public")
        let safe = try await offThePool { try ToolProcess.python([SafeOutputEndToEndTests.checker, output]) }
        #expect(safe.status == 0, "\(safe.output)")
        #expect(safe.output.contains("checked index.html"), "\(safe.output)")
    }

    @Test(.enabled(if: chromium != nil, noChromium))
    func chromiumShowsThePageAndBothFeedsAsPages() async throws {
        let dir = try await Self.publish()
        let chromium = try #require(Self.chromium)
        let output = dir.file("public")
        let check = try await offThePool { try Self.runChecker(output, name: "planet", chromium: chromium) }
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("3 pages, 0 findings"), "\(check.output)")
    }

    @Test(.enabled(if: chromium != nil, noChromium))
    func chromiumShowsHostileTitlesAsTextAndRunsNothing() throws {
        let (workspace, run) = try SafeOutputEndToEndTests.publishHostileInputs()
        #expect(run.status == 0, "\(run.stderr)")
        let check = try Self.runChecker(workspace.output, name: "hostile", chromium: try #require(Self.chromium))
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("3 pages, 0 findings"), "\(check.output)")
    }
}
