import FeedCore
import FeedXML
import Foundation
import Testing

@Suite struct AtomWriterTests {
    static let atom = "http://www.w3.org/2005/Atom"
    static let dc = "http://purl.org/dc/elements/1.1/"
    let s = WriterSamples.self

    /// The text of an Atom text construct as a reader shows it: `type="html"` unescaped once.
    static func plain(_ element: WrittenXML?) -> String? {
        guard let element else { return nil }
        guard element.attributes["type"] == "html" else { return element.text }
        return element.text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func writesPlainTextWithMarkupCharactersAsEscapedHTML() throws {
        var entry = s.entries[0]
        entry.title = "1 < 2 & AT&T"
        entry.summary = "Write </b> to end bold"
        let written = try #require(try read(write(s.feed, [entry])).first("entry"))
        #expect(written.first("title")?.attributes["type"] == "html")
        #expect(written.first("title")?.text == "1 &lt; 2 &amp; AT&amp;T")
        #expect(written.first("summary")?.text == "Write &lt;/b&gt; to end bold")
        entry.title = "Plain"
        #expect(try read(write(s.feed, [entry])).first("entry")?.first("title")?.attributes["type"] == "text")
    }

    func write(_ feed: FeedDescription = WriterSamples.feed, _ entries: [Entry] = WriterSamples.entries) -> [UInt8] {
        AtomWriter.write(feed: feed, entries: entries, emptyFeedUpdated: WriterSamples.emptyFeedUpdated)
    }

    func read(_ bytes: [UInt8]) throws -> WrittenXML {
        try #require(WrittenXML.parse(bytes), "not well-formed: \(String(decoding: bytes, as: UTF8.self))")
    }

    @Test(arguments: [(true, true), (true, false), (false, true), (false, false)])
    func matchesTheAtomGrammar(fullFeed: Bool, withEntries: Bool) {
        let bytes = write(fullFeed ? s.feed : s.bareFeed, withEntries ? s.entries : [])
        #expect(RelaxNGValidator.validate(bytes, schemaPath: WriterFixtures.atomSchema) == [])
    }

    /// The grammar's Schematron rules, which libxml2 does not run (RFC 4287 §4.1.1, §4.1.2).
    @Test(arguments: [true, false])
    func holdsTheSchematronRules(fullFeed: Bool) throws {
        let feed = try read(write(fullFeed ? s.feed : s.bareFeed))
        let entries = feed.all("entry", namespace: Self.atom)
        #expect(entries.count == s.entries.count)
        let feedHasAuthor = feed.first("author", namespace: Self.atom) != nil
        for entry in entries {
            let links = entry.all("link", namespace: Self.atom)
            let hasAlternate = links.contains { ($0.attributes["rel"] ?? "alternate") == "alternate" }
            #expect(hasAlternate || entry.first("content", namespace: Self.atom) != nil)
            #expect(feedHasAuthor || entry.first("author", namespace: Self.atom) != nil)
        }
        for element in [feed] + entries {
            let alternates = element.all("link", namespace: Self.atom)
                .filter { ($0.attributes["rel"] ?? "alternate") == "alternate" }
                .map { "\($0.attributes["type"] ?? "")|\($0.attributes["hreflang"] ?? "")" }
            #expect(Set(alternates).count == alternates.count, "two alternate links with the same type and hreflang")
        }
    }

    @Test func rejectsWhatTheGrammarForbids() {
        // Proves the validator runs: an Atom document whose entry lacks its required id.
        let broken = String(decoding: write(), as: UTF8.self)
            .replacingOccurrences(of: "<id>tag:example.org,2026:articles/velo</id>", with: "")
        #expect(!RelaxNGValidator.validate(Array(broken.utf8), schemaPath: WriterFixtures.atomSchema).isEmpty)
    }

    @Test func roundTripsTheFeed() throws {
        let feed = try read(write())
        #expect(feed.name == "feed" && feed.namespace == Self.atom)
        #expect(feed.attributes["xml:lang"] == "fr")
        #expect(feed.first("id")?.text == s.feed.id)
        #expect(Self.plain(feed.first("title")) == s.feed.title)
        #expect(Self.plain(feed.first("subtitle")) == s.feed.subtitle)
        #expect(feed.first("author")?.first("name")?.text == s.feed.author.name)
        #expect(feed.first("author")?.first("email")?.text == s.feed.author.email)
        #expect(feed.first("generator")?.attributes["version"] == "9.9.9-test")
        let links = feed.all("link").map { [$0.attributes["rel"], $0.attributes["type"], $0.attributes["href"]] }
        #expect(links == [
            ["self", "application/atom+xml", "https://example.org/feeds/atom.xml"],
            ["alternate", "text/html", "https://example.org/"],
        ])
    }

    @Test func roundTripsTheEntries() throws {
        let written = try read(write()).all("entry")
        try #require(written.count == s.entries.count)
        for (entry, element) in zip(s.entries, written) {
            #expect(element.first("id")?.text == entry.id)
            #expect(Self.plain(element.first("title")) == entry.title)
            #expect(WrittenDates.rfc3339(element.first("published")?.text) == entry.published)
            #expect(WrittenDates.rfc3339(element.first("updated")?.text) == entry.updated)
            #expect(WrittenDates.rfc3339(element.first("date", namespace: Self.dc)?.text) == entry.originalDate)
            let links = element.all("link")
            #expect(links.first { $0.attributes["rel"] == "alternate" }?.attributes["href"] == entry.link)
            let enclosures = links.filter { $0.attributes["rel"] == "enclosure" }.map {
                Enclosure(url: $0.attributes["href"] ?? "", type: $0.attributes["type"], length: $0.attributes["length"].flatMap { Int64($0) })
            }
            #expect(enclosures == entry.enclosures)
            #expect(Self.plain(element.first("summary")) == entry.summary)
            if let html = entry.contentHTML {
                #expect(element.first("content")?.attributes["type"] == "html")
                #expect(element.first("content")?.text == html)
            }
            #expect(element.all("category").map { $0.attributes["term"] } == entry.categories)
            let authors = element.all("author").map {
                Author(name: $0.first("name")?.text, email: $0.first("email")?.text, uri: $0.first("uri")?.text)
            }
            #expect(authors == entry.authors)
            let source = element.first("source").map {
                SourceFeed(
                    id: $0.first("id")?.text, title: Self.plain($0.first("title")),
                    link: $0.all("link").first { $0.attributes["rel"] == "alternate" }?.attributes["href"],
                    feedURL: $0.all("link").first { $0.attributes["rel"] == "self" }?.attributes["href"],
                    updated: WrittenDates.rfc3339($0.first("updated")?.text)
                )
            }
            #expect(source == entry.source)
        }
    }

    @Test func everyEntryCarriesItsLanguageOrTheFeeds() throws {
        let languages = try read(write()).all("entry").map { $0.attributes["xml:lang"] }
        #expect(languages == ["fr", "en", "en-GB", "fr"])
        let bare = try read(write(s.bareFeed)).all("entry").map { $0.attributes["xml:lang"] }
        #expect(bare == ["fr", "en", "en-GB", nil])
    }

    @Test func givesAnEntryWithoutLinkOrHTMLATextContent() throws {
        let entry = try #require(try read(write()).all("entry").last)
        #expect(entry.first("content")?.attributes["type"] == "text")
        #expect(entry.first("content")?.text == s.entries.last?.summary)
    }

    @Test func feedUpdatedIsTheNewestEntryUpdatedWhateverTheOrder() throws {
        let newest = s.date(2026, 3, 20, 12, 0)
        #expect(s.entries.first?.updated != newest)
        for entries in [s.entries, s.entries.reversed(), [s.entries[3], s.entries[2]]] {
            let updated = try read(write(s.feed, entries)).first("updated")?.text
            #expect(WrittenDates.rfc3339(updated) == newest)
        }
        let empty = try read(write(s.feed, [])).first("updated")?.text
        #expect(WrittenDates.rfc3339(empty) == s.emptyFeedUpdated)
    }

    @Test func writesEntriesInTheOrderGiven() throws {
        let shuffled = [s.entries[2], s.entries[0], s.entries[3], s.entries[1]]
        #expect(try read(write(s.feed, shuffled)).all("entry").map { $0.first("id")?.text } == shuffled.map(\.id))
    }

    @Test func leavesOutSelfAndAlternateLinksWithoutURLs() throws {
        #expect(try read(write(s.bareFeed, [])).all("link").isEmpty)
    }

    @Test func pointsTheSelfLinkAtTheOutputDirectoryWithoutABaseURL() throws {
        var local = s.bareFeed
        local.outputDirectoryURL = "file://localhost/srv/feeds%20out/"
        let links = try read(write(local, [])).all("link")
        #expect(links.map(\.attributes) == [["rel": "self", "type": "application/atom+xml", "href": "file://localhost/srv/feeds%20out/atom.xml"]])
        local.baseURL = "https://example.org/feeds/"
        #expect(try read(write(local, [])).all("link").first?.attributes["href"] == "https://example.org/feeds/atom.xml")
    }

    @Test func givesEverySourceAnUpdatedDate() throws {
        var entry = s.entries[0]
        entry.source = SourceFeed(id: "urn:x:source", title: "S", link: nil, feedURL: nil, updated: nil)
        let source = try #require(try read(write(s.feed, [entry])).first("entry")?.first("source"))
        #expect(WrittenDates.rfc3339(source.first("updated")?.text) == entry.updated)
    }

    @Test func givesAFeedAuthorWithoutNameTheFeedTitle() throws {
        var feed = s.bareFeed
        feed.author = Author(email: "not-an-address")
        let author = try #require(try read(write(feed, [])).first("author"))
        #expect(author.first("name")?.text == feed.title)
        #expect(author.first("email") == nil)
    }

    @Test func dropsControlCharactersSoTheDocumentParses() throws {
        var entry = s.entries[0]
        entry.title = "Bell\u{7}s and\u{0} nulls\u{1B}"
        entry.contentHTML = "<p>form\u{C}feed\u{FFFE}</p>"
        let bytes = write(s.feed, [entry])
        let written = try #require(try read(bytes).first("entry"))
        #expect(written.first("title")?.text == "Bells and nulls")
        #expect(written.first("content")?.text == "<p>formfeed</p>")
        #expect(RelaxNGValidator.validate(bytes, schemaPath: WriterFixtures.atomSchema) == [])
    }

    @Test func leavesOutAMalformedLanguageTag() throws {
        var feed = s.feed
        feed.language = "fr_FR"
        let bytes = write(feed)
        #expect(try read(bytes).attributes["xml:lang"] == nil)
        #expect(RelaxNGValidator.validate(bytes, schemaPath: WriterFixtures.atomSchema) == [])
    }
}
