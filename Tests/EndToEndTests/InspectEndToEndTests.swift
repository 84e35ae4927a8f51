import FeeddTestSupport
import Foundation
import Testing

/// `feedd inspect` on files, articles and a loopback URL.
@Suite struct InspectEndToEndTests {
    static let fixtures = OnceEndToEndTests.packageRoot + "/Tests/Fixtures/feeds"

    @Test func jsonReportHasTheDocumentedShape() throws {
        let result = try FeeddProcess.run(["inspect", "--json", Self.fixtures + "/rss20.xml"], in: OnceEndToEndTests.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["format", "title", "link", "id", "language", "published", "updated", "subtitle", "authors",
                                     "categories", "bozo", "bozo_message", "entries"])
        #expect(object["format"] as? String == "rss2.0")
        let entry = try #require((object["entries"] as? [[String: Any]])?.first)
        #expect(Set(entry.keys) == ["id", "title", "link", "published", "updated", "authors", "summary", "content", "categories",
                                    "enclosures", "_feedd"])
        #expect((entry["published"] as? String)?.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"#, options: .regularExpression) != nil)
    }

    @Test func entryIdIsThePublishersAndFeeddsOwnIsApart() throws {
        let dir = TemporaryDirectory()
        dir.write("feed.xml", "<rss version=\"2.0\"><channel><title>t</title><item><guid>pub-1</guid><title>a</title></item>"
            + "<item><title>b</title><link>http://example.org/b</link></item></channel></rss>")
        let result = try FeeddProcess.run(["inspect", "--json", dir.file("feed.xml")], in: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(entries.map { $0["id"] as? String } == ["pub-1", nil])
        #expect(entries[1]["id"] is NSNull)
        #expect(entries.map { ($0["_feedd"] as? [String: Any])?["id"] as? String } == ["pub-1", "http://example.org/b"])
    }

    @Test func articleIsShownAsFeeddWouldPublishIt() throws {
        let dir = TemporaryDirectory()
        dir.write("config.toml", "[feed]\ntag_authority = \"inspect.example,2026\"\n")
        dir.write("007_abcdefabcdefabcd.txt", "Titre\n\nTopline\n\nUn paragraphe en français, avec les mots qu'il faut pour que la langue soit reconnue par le détecteur.\n\nSource : https://example.org/2025/01/31/x/\n")
        let result = try FeeddProcess.run(["inspect", "--json", "--config", dir.file("config.toml"), "007_abcdefabcdefabcd.txt"], in: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "article")
        #expect(object["id"] as? String == "tag:inspect.example,2026:abcdefabcdefabcd")
        #expect(object["language"] as? String == "fr")
        #expect(object["updated"] as? String == "2025-01-31T00:00:00Z")
    }

    @Test func brokenInputIsAClearErrorWithStatus65() throws {
        let result = try FeeddProcess.run(["inspect", Self.fixtures + "/not-a-feed.xml"], in: OnceEndToEndTests.packageRoot)
        #expect(result.status == 65)
        #expect(result.stderr.contains("not-a-feed.xml: not a feed"))
    }

    @Test func urlIsFetchedAndShownAsText() throws {
        let body = Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/atom10.xml")))
        let server = try TestHTTPServer { _ in .respond(status: 200, headers: ["content-type": "application/atom+xml"], body: body) }
        defer { server.shutdown() }
        let result = try FeeddProcess.run(["inspect", server.baseURL + "/atom.xml"], in: OnceEndToEndTests.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("format    atom1.0"))
        #expect(result.stdout.contains("2 entries"))
    }

    @Test func quietLinesComeInInputOrderWhateverTheirSizes() throws {
        // Sizes differ widely (the largest files are parsed first), the output keeps the order given.
        let names = ["rss091.xml", "wild-big-feed.xml", "atom10.xml", "missing.xml", "json11.json", "rss20.xml"]
        let dir = TemporaryDirectory()
        let items = (0..<400).map { "<item><guid>g\($0)</guid><title>t\($0)</title><description>\(String(repeating: "text ", count: 200))</description></item>" }
        dir.write("wild-big-feed.xml", "<rss version=\"2.0\"><channel><title>big</title>\(items.joined())</channel></rss>")
        let paths = names.map { name in
            name == "wild-big-feed.xml" || name == "missing.xml" ? dir.file(name) : Self.fixtures + "/" + name
        }
        let result = try FeeddProcess.run(["inspect", "--quiet"] + paths, in: OnceEndToEndTests.packageRoot)
        #expect(result.status == 65, "one input is missing")
        #expect(result.stderr.contains("missing.xml"))
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.map { $0.split(separator: "\t").first.map(String.init) } == paths.filter { !$0.hasSuffix("missing.xml") })
        #expect(lines[1] == dir.file("wild-big-feed.xml") + "\trss2.0\t400\tfalse")
    }

    @Test func aPipeIsReadWholeAndParsed() throws {
        // /dev/stdin on a pipe is not a regular file: it cannot be streamed twice, so it is read whole.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "cat \"$1\" | \"$2\" inspect --quiet /dev/stdin", "sh", Self.fixtures + "/atom10.xml", FeeddProcess.binary]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self) == "/dev/stdin\tatom1.0\t2\tfalse\n")
    }

    @Test func anExtensionlessFileIsAFeedWhenItIsMarkupAndAnArticleOtherwise() throws {
        let dir = TemporaryDirectory()
        dir.write("feed", String(decoding: try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/rss20.xml")), as: UTF8.self))
        dir.write("note", "A title\n\nA first paragraph of plain text, long enough to read as one.\n\nSource : https://example.org/x\n")
        let result = try FeeddProcess.run(["inspect", "--quiet", "feed", "note"], in: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        let formats = result.stdout.split(separator: "\n").map { $0.split(separator: "\t")[1] }
        #expect(formats == ["rss2.0", "article"])
    }
}
