import Foundation
import Testing
@testable import FeedCore

/// Entities declared in the document's own internal DTD subset are expanded, as feedparser does, within
/// bounds that keep hostile documents small and fast.
@Suite("Internal entities")
struct InternalEntityTests {
    static func document(_ declarations: String, _ items: String...) -> String {
        let body = rss(items.joined()).replacingOccurrences(of: "<?xml version=\"1.0\"?>", with: "")
        return "<?xml version=\"1.0\"?><!DOCTYPE rss [\(declarations)]>" + body
    }

    @Test("an entity, one built from another, and the references inside them are expanded")
    func expanded() throws {
        let feed = try parseFeed(Self.document(
            #"<!ENTITY site "Fish &amp; Chips"><!ENTITY both "&site; / &site;"><!ENTITY sign "&#169; caf&eacute;">"#,
            "<title>&both; &sign;</title><guid>g</guid>"))
        #expect(feed.entries[0].title?.value == "Fish & Chips / Fish & Chips © café")
        #expect(!feed.bozo)
    }

    @Test("markup inside an entity reaches an HTML field as markup")
    func markupInside() throws {
        let feed = try parseFeed(Self.document(#"<!ENTITY bold "<b>bold</b>">"#, "<description>a &bold; word</description><guid>g</guid>"))
        #expect(feed.entries[0].summary?.value == "a <b>bold</b> word")
    }

    @Test("the first declaration of a name wins")
    func firstDeclarationWins() throws {
        let feed = try parseFeed(Self.document(#"<!ENTITY who "first"><!ENTITY who "second">"#, "<title>&who;</title><guid>g</guid>"))
        #expect(feed.entries[0].title?.value == "first")
    }

    @Test("an entity built on an undefined one stays undefined, as text")
    func builtOnUndefined() throws {
        let feed = try parseFeed(Self.document(#"<!ENTITY broken "a &nowhere; b">"#, "<title>x &broken; y</title><guid>g</guid>"))
        #expect(feed.entries[0].title?.value == "x &broken; y")
        #expect(feed.bozo)
    }

    @Test("expansion stops at the budget: a small document cannot grow past a few hundred KB")
    func budget() throws {
        // 60 KB from about 1 KB of declarations, referenced 100 times: 6 MB if all were expanded.
        let declarations = #"<!ENTITY a "0123456789"><!ENTITY b ""# + String(repeating: "&a;", count: 100) + #""><!ENTITY c ""#
            + String(repeating: "&b;", count: 60) + #"">"#
        let xml = Self.document(declarations, "<description>" + String(repeating: "&c;", count: 100) + "</description><guid>g</guid>")
        let (feed, elapsed) = try ParserSafetyTests.timedParse(xml)
        #expect(elapsed < .seconds(1))
        let length = feed.entries[0].summary?.value.utf8.count ?? 0
        #expect(length >= 60_000 && length <= 256 * 1_024 + xml.utf8.count)
        #expect(feed.bozo)
        #expect(feed.warnings.contains { $0.contains("expansion bounds") })
    }

    @Test("an entity larger than the bound for one entity is refused")
    func entitySizeBound() throws {
        let declarations = #"<!ENTITY a "0123456789"><!ENTITY b ""# + String(repeating: "&a;", count: 1_000) + #""><!ENTITY c ""#
            + String(repeating: "&b;", count: 7) + #"">"#
        let feed = try parseFeed(Self.document(declarations, "<title>&c;</title><guid>g</guid>"))
        #expect(feed.entries[0].title?.value == "&c;")
    }

    @Test("the repair pass keeps the entities the first pass expanded")
    func keptThroughRepair() throws {
        let feed = try parseFeed(Self.document(#"<!ENTITY site "Harbour News">"#,
                                               "<title>&site; & more</title><guid>g</guid>"))
        #expect(feed.entries[0].title?.value == "Harbour News & more")
        #expect(feed.bozo)
    }

    @Test("a reference inside an attribute value neither crashes nor leaks bytes")
    func insideAttribute() throws {
        let feed = try parseFeed(Self.document(#"<!ENTITY host "example.test">"#,
                                               #"<enclosure url="http://&host;/a.mp3" type="audio/mpeg"/><guid>g</guid>"#))
        #expect(feed.entries.count == 1)
        #expect(feed.entries[0].enclosures.allSatisfy { !$0.url.contains("\u{FFFD}") })
    }
}
