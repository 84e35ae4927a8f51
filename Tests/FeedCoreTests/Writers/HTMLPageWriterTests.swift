import FeedCore
import Foundation
import Testing

/// The page for people: escaped text, filtered URLs, no script, the entries in order and every source's status.
@Suite struct HTMLPageWriterTests {
    static let sources = WriterSamples.sourceStatuses

    static func page(
        feed: FeedDescription = WriterSamples.feed, entries: [Entry] = WriterSamples.entries, sources: [SourceStatus] = sources
    ) -> String {
        String(decoding: HTMLPageWriter.write(feed: feed, entries: entries, sources: sources), as: UTF8.self)
    }

    static func document(_ text: String) throws -> WrittenXML {
        try #require(WrittenXML.parse(Array(text.utf8)), "the page is not well-formed: \(text)")
    }

    @Test func isAnHTML5DocumentInTheFeedsLanguageWithLandmarksAndThePolicy() throws {
        let text = Self.page()
        #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        let html = try Self.document(text)
        let names = html.descendants.map(\.name)
        for landmark in ["header", "nav", "main", "footer"] {
            #expect(names.filter { $0 == landmark }.count == 1, "\(landmark)")
        }
        let metas = html.descendants.filter { $0.name == "meta" }
        #expect(metas.contains { $0.attributes["http-equiv"] == "Content-Security-Policy"
            && $0.attributes["content"] == "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:" })
        #expect(metas.contains { $0.attributes["name"] == "viewport" && $0.attributes["content"] == "width=device-width, initial-scale=1" })
        #expect(html.first("head")?.first("title")?.text == "Carnet d'exemple")
    }

    @Test func headingsDescendOneLevelAtATime() throws {
        let html = try Self.document(Self.page())
        let levels = html.descendants.compactMap { $0.name.count == 2 && $0.name.hasPrefix("h") ? Int($0.name.dropFirst()) : nil }
        #expect(levels.first == 1)
        #expect(levels.filter { $0 == 1 }.count == 1)
        for (previous, next) in zip(levels, levels.dropFirst()) {
            #expect(next <= previous + 1, "h\(previous) then h\(next): \(levels)")
        }
    }

    @Test func entriesAppearInTheOrderGivenWithLinkSourceDateAndSummary() throws {
        let html = try Self.document(Self.page())
        let articles = html.descendants.filter { $0.name == "article" }
        #expect(articles.map { $0.first("h3")?.first("a")?.text ?? $0.first("h3")?.text }
            == WriterSamples.entries.map(\.title))
        let first = try #require(articles.first)
        #expect(first.first("h3")?.first("a")?.attributes["href"] == "https://example.org/2026/03/velo")
        let meta = try #require(first.first("p"))
        #expect(meta.text == "Carnet d'exemple · ")
        #expect(meta.first("time")?.attributes["datetime"] == "2026-03-14T09:30:00Z")
        #expect(meta.first("time")?.text == "2026-03-14 09:30 UTC")
        #expect(first.all("p").last?.text == "Un trajet humide, et ce qu'il en reste.")
        // A polled entry names its source; an entry without a link has an unlinked title.
        #expect(articles[2].first("p")?.text == "Example News · ")
        #expect(articles[3].first("h3")?.first("a") == nil)
        #expect(articles[3].first("h3")?.text == "Note sans lien")
    }

    @Test func anEntryInAnotherLanguageSaysSo() throws {
        let html = try Self.document(Self.page())
        let items = html.descendants.filter { $0.name == "ol" }.first?.all("li") ?? []
        #expect(items.map { $0.attributes["lang"] } == [nil, "en", "en-GB", nil])
    }

    @Test func everyOutputHasASubscribeLinkWithItsOwnName() throws {
        let html = try Self.document(Self.page())
        let nav = try #require(html.descendants.first { $0.name == "nav" })
        let links = nav.descendants.filter { $0.name == "a" }
        #expect(links.map { $0.attributes["href"] } == ["atom.xml", "rss.xml", "feed.json", "feeds.opml"])
        #expect(links.map(\.text) == ["Atom feed", "RSS feed", "JSON Feed", "OPML list of the sources"])
        let alternates = html.first("head")?.all("link").filter { $0.attributes["rel"] == "alternate" } ?? []
        #expect(alternates.map { $0.attributes["type"] } == ["application/atom+xml", "application/rss+xml", "application/feed+json"])
    }

    @Test func aFileNameThatLooksLikeASchemeIsLinkedAsAPath() throws {
        var feed = WriterSamples.feed
        feed.files.atom = "javascript:alert(1)"
        let text = Self.page(feed: feed)
        #expect(text.contains("href=\"./javascript:alert(1)\""))
        #expect(!text.contains("href=\"javascript:"))
    }

    @Test func sourcesShowTheirStatus() throws {
        let html = try Self.document(Self.page())
        let section = try #require(html.descendants.first { $0.name == "section" && $0.attributes["aria-labelledby"] == "sources" })
        let items = section.descendants.filter { $0.name == "li" }
        #expect(items.map { $0.first("h3")?.text } == Self.sources.map(\.name))
        func facts(_ item: WrittenXML) -> [String: String] {
            let list = item.first("dl")?.children ?? []
            return Dictionary(uniqueKeysWithValues: zip(list, list.dropFirst()).filter { $0.0.name == "dt" }.map { dt, dd in
                (dt.text, dd.text + (dd.first("time")?.text ?? ""))
            })
        }
        #expect(facts(items[0]) == ["Status": "OK", "Last success": "2026-03-20"])
        #expect(facts(items[1]) == ["Status": "failing", "Last success": "2026-03-01", "Last error": "PARSE: not a feed: <html> page"])
        #expect(facts(items[2])["Status"]?.hasPrefix("retired (410)") == true)
        #expect(facts(items[2])["Last error"] == nil)
        #expect(facts(items[4]) == ["Status": "not fetched yet", "Last success": "never"])
        let links = items[0].descendants.filter { $0.name == "a" }
        #expect(links.map { $0.attributes["href"] } == ["https://news.example.com/", "https://news.example.com/feed.atom"])
        #expect(links.map(\.text) == ["Example News website", "Example News feed"])
    }

    @Test func aLocalSourceShowsNeitherItsPathNorItsMessage() throws {
        let text = Self.page()
        #expect(!text.contains("/home/someone"))
        #expect(text.contains("FETCH: details in feedd status"))
    }

    @Test func hostileTextIsEscapedEverywhere() throws {
        var feed = WriterSamples.feed
        feed.title = "<script>alert('title')</script>"
        feed.subtitle = "\"><img src=x onerror=alert(1)>"
        let entry = Entry(
            id: "tag:x,2026:1", title: "</title><script>alert(2)</script>", link: "https://example.org/\"><script>",
            published: WriterSamples.date(2026, 1, 1), updated: WriterSamples.date(2026, 1, 1),
            summary: "<iframe src=javascript:alert(3)> & </p><script>alert(4)</script>",
            contentHTML: "<p>HTML content is never shown</p>",
            source: SourceFeed(title: "<b onmouseover=alert(5)>Source</b>")
        )
        let sources = [SourceStatus(name: "<svg onload=alert(6)>", siteURL: "javascript:alert(7)", feedURL: "https://x.example/\"onclick=\"alert(8)",
                                    lastErrorStage: "PARSE", lastError: "<script>alert(9)</script>")]
        let text = Self.page(feed: feed, entries: [entry], sources: sources)
        let html = try Self.document(text)
        let names = Set(html.descendants.map(\.name))
        for forbidden in ["script", "iframe", "img", "svg", "b"] {
            #expect(!names.contains(forbidden), "\(forbidden) element in \(text)")
        }
        #expect(!text.lowercased().contains("<script"))
        #expect(!text.contains("HTML content is never shown"))
        #expect(!html.descendants.contains { $0.attributes.keys.contains { $0.hasPrefix("on") } })
        // The text is all there, as text.
        #expect(html.first("head")?.first("title")?.text == "<script>alert('title')</script>")
        let article = try #require(html.descendants.first { $0.name == "article" })
        #expect(article.first("h3")?.first("a")?.text == "</title><script>alert(2)</script>")
        #expect(article.first("h3")?.first("a")?.attributes["href"] == "https://example.org/%22%3E%3Cscript%3E")
        #expect(article.all("p").last?.text == "<iframe src=javascript:alert(3)> & </p><script>alert(4)</script>")
        #expect(article.first("p")?.text == "<b onmouseover=alert(5)>Source</b> · ")
        #expect(text.contains("PARSE: &lt;script&gt;alert(9)&lt;/script&gt;"))
    }

    @Test func unsafeURLsAreDroppedAndTheirTextKept() throws {
        var feed = WriterSamples.feed
        feed.siteURL = "javascript:alert(1)"
        feed.generator.uri = "data:text/html,x"
        let entries = HostileEntryWriterTests.unsafeURLs.enumerated().map { index, url in
            Entry(id: "tag:x,2026:\(index)", title: "Entry \(index)", link: url, published: WriterSamples.date(2026, 1, 1),
                  updated: WriterSamples.date(2026, 1, 1))
        }
        let sources = HostileEntryWriterTests.unsafeURLs.map { SourceStatus(name: "Source", siteURL: $0, feedURL: $0) }
        let text = Self.page(feed: feed, entries: entries, sources: sources)
        let html = try Self.document(text)
        let hrefs = html.descendants.compactMap { $0.attributes["href"] }
        #expect(hrefs.allSatisfy { $0.hasPrefix("https://") || !$0.contains(":") }, "\(hrefs)")
        for needle in ["javascript:", "vbscript:", "data:text", "file:", "evil.example", "/relative/path"] {
            #expect(!text.lowercased().contains(needle), "\(needle)")
        }
        let titles = html.descendants.filter { $0.name == "h3" }.prefix(entries.count)
        #expect(titles.map(\.text) == entries.map(\.title))
    }

    @Test func anEmptyFeedSaysSo() throws {
        let text = Self.page(feed: WriterSamples.bareFeed, entries: [], sources: [])
        let html = try Self.document(text)
        #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"und\">"))
        #expect(!html.descendants.contains { $0.name == "article" })
        #expect(text.contains("<p>No entries yet.</p>"))
        #expect(text.contains("This feed follows no other feed"))
        #expect(html.descendants.first { $0.name == "footer" }?.descendants.contains { $0.name == "time" } == false)
        #expect(html.descendants.filter { $0.name == "nav" }.count == 1)
    }

    @Test func sameInputGivesSameBytes() {
        #expect(Self.page() == Self.page())
    }
}
