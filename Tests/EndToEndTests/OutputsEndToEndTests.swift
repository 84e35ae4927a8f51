import FeedCore
import FeeddTestSupport
import Foundation
import Testing

/// `[[output]]` tables: the real binary publishes one more valid feed set per table, with exactly the
/// entries its selection names, listed in the OPML list and on the page.
@Suite(.serialized) struct OutputsEndToEndTests {
    static let feed = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Harbour Radio</title><link>https://radio.example/</link>
        <language>en</language><description>Local radio</description>
        <item><title>Ferry timetable changes</title><link>https://radio.example/ferry</link><guid>r1</guid>
        <pubDate>Mon, 02 Nov 2026 08:00:00 GMT</pubDate><description>The winter timetable starts on Monday.</description></item>
        <item><title>Council meets on budget</title><link>https://radio.example/budget</link><guid>r2</guid>
        <pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate><description>Sponsored: a word from our partners, then the budget.</description></item>
        </channel></rss>
        """.utf8)

    @Test func eachOutputPublishesItsSelectionValidly() async throws {
        let server = try TestHTTPServer { _ in .respond(status: 200, body: Self.feed) }
        defer { server.shutdown() }
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("seeds"), withIntermediateDirectories: true)
        dir.write("seeds/000_aaaaaaaaaaaaaaa1.md", """
            ---
            title: Le port rouvre ses quais aux voiliers
            tags: [harbour, "boats"]
            link: https://news.example/2026/11/01/port
            ---
            Les voiliers peuvent de nouveau accoster le long des quais depuis samedi, après trois mois de travaux.

            La capitainerie annonce des tarifs inchangés pour l'hiver et une nouvelle station de carburant.
            """)
        dir.write("seeds/001_aaaaaaaaaaaaaaa2.txt", """
            The library extends its opening hours

            Topline

            The town library will open until nine in the evening on weekdays from December, the council said.

            Source : https://news.example/2026/11/02/library
            """)
        dir.write("feedd.toml", """
            [feed]
            title = "Harbour Town"
            tag_authority = "test.example,2026"
            base_url = "https://feeds.example/"
            site_url = "https://harbour.example/"
            [paths]
            seeds = "seeds"
            output = "out"
            state = "state"
            [[source]]
            name = "Radio"
            url = "\(server.baseURL)/radio.xml"
            category = "radio"
            [[output]]
            name = "harbour"
            title = "Harbour news"
            categories = ["Harbour", "radio"]
            exclude = ["(?i)sponsored"]
            [[output]]
            name = "french"
            languages = ["fr"]
            [[output]]
            name = "articles-only"
            sources = ["articles"]
            """)
        let once = try FeeddProcess.run(["--once", "--config", dir.file("feedd.toml")], in: dir.path)
        #expect(once.status == 0, "\(once.stderr)")

        func titles(_ file: String) throws -> [String] {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: dir.file("out/\(file)"))))
            return try FeedParser().parse(bytes, documentURL: nil, httpCharset: nil).entries.compactMap { $0.title?.value }.sorted()
        }
        #expect(try titles("atom.xml").count == 4)
        #expect(try titles("harbour.atom.xml") == ["Ferry timetable changes", "Le port rouvre ses quais aux voiliers"])
        #expect(try titles("harbour.rss.xml") == ["Ferry timetable changes", "Le port rouvre ses quais aux voiliers"])
        #expect(try titles("harbour.feed.json") == ["Ferry timetable changes", "Le port rouvre ses quais aux voiliers"])
        #expect(try titles("french.atom.xml") == ["Le port rouvre ses quais aux voiliers"])
        #expect(try titles("articles-only.atom.xml") == ["Le port rouvre ses quais aux voiliers", "The library extends its opening hours"])

        let atom = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir.file("out/harbour.atom.xml"))), as: UTF8.self)
        #expect(atom.contains("<title type=\"text\">Harbour news</title>"))
        #expect(atom.contains("<id>tag:test.example,2026:output:harbour</id>"))
        #expect(atom.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://feeds.example/harbour.atom.xml\"/>"), "its own self link")
        let page = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir.file("out/index.html"))), as: UTF8.self)
        #expect(page.contains("href=\"harbour.atom.xml\"") && page.contains("href=\"french.feed.json\""))

        // Each feed set passes every reader and validator the merged one does; the OPML lists them all.
        let opml = dir.file("out/feeds.opml")
        let outputURLs = ["atom.xml", "rss.xml", "feed.json"].map { "https://feeds.example/" + $0 }
            + ["harbour", "french", "articles-only"].flatMap { name in
                ["atom.xml", "rss.xml", "feed.json"].map { "https://feeds.example/\(name).\($0 == "feed.json" ? "feed.json" : $0)" }
            }
        let merged = try await InteropEndToEndTests.runChecker(
            dir.file("out"), name: "outputs-merged", entries: 4, opmlURLs: outputURLs + ["\(server.baseURL)/radio.xml"]
        )
        #expect(merged.status == 0, "\(merged.output)")
        for (name, count) in [("harbour", 2), ("french", 1), ("articles-only", 2)] {
            let set = TemporaryDirectory()
            for (from, to) in [("\(name).atom.xml", "atom.xml"), ("\(name).rss.xml", "rss.xml"), ("\(name).feed.json", "feed.json")] {
                try FileManager.default.copyItem(atPath: dir.file("out/\(from)"), toPath: set.file(to))
            }
            try FileManager.default.copyItem(atPath: opml, toPath: set.file("feeds.opml"))
            let result = try await InteropEndToEndTests.runChecker(set.path, name: "outputs-\(name)", entries: count)
            #expect(result.status == 0, "\(name): \(result.output)")
        }

        // A second run changes nothing; removing a table leaves the merged feeds as they were.
        let again = try FeeddProcess.run(["--once", "--config", dir.file("feedd.toml")], in: dir.path)
        #expect(again.stderr.contains("no output changed"), "\(again.stderr)")
    }
}
