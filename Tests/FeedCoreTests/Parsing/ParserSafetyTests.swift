import Foundation
import Testing
@testable import FeedCore

/// Hostile documents are harmless and fast: entities of the internal subset expand only within fixed
/// bounds (see `InternalEntityTests`), nothing external is read or fetched.
@Suite("Parser safety")
struct ParserSafetyTests {
    /// Parses and returns the feed with the time it took.
    static func timedParse(_ xml: String) throws -> (ParsedFeed, Duration) {
        let clock = ContinuousClock()
        var feed: ParsedFeed?
        let elapsed = try clock.measure { feed = try parseFeed(xml) }
        return (feed!, elapsed)
    }

    @Test("billion laughs: nested entities stay unexpanded")
    func billionLaughs() throws {
        var declarations = #"<!ENTITY l0 "ha">"#
        for level in 1...12 {
            declarations += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        let (feed, elapsed) = try Self.timedParse("<?xml version=\"1.0\"?><!DOCTYPE rss [\(declarations)]>"
            + rss("<title>boom &l12;</title>"))
        #expect(elapsed < .seconds(1))
        #expect(feed.entries[0].title?.value == "boom &l12;")
        #expect(feed.bozo)
    }

    @Test("quadratic blowup: an entity past the size bound stays unexpanded")
    func quadraticBlowup() throws {
        let big = String(repeating: "x", count: 100_000)
        let references = String(repeating: "&big;", count: 20_000)
        let (feed, elapsed) = try Self.timedParse("<!DOCTYPE rss [<!ENTITY big \"\(big)\">]>" + rss("<title>\(references)</title>"))
        #expect(elapsed < .seconds(1))
        #expect((feed.entries[0].title?.value.count ?? 0) < 200_000)
    }

    @Test("XXE: an external entity on a local file is never read")
    func externalEntity() throws {
        let (feed, elapsed) = try Self.timedParse(#"<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"#
            + rss("<title>leak: &xxe;</title>"))
        #expect(elapsed < .seconds(1))
        let title = try #require(feed.entries.first?.title?.value)
        #expect(!title.contains("root:"))
        #expect(title == "leak: &xxe;")
    }

    @Test("parameter entities and an external DTD are neither loaded nor fetched")
    func externalDTD() throws {
        let (feed, elapsed) = try Self.timedParse(
            #"<!DOCTYPE rss SYSTEM "http://192.0.2.1/never.dtd" [<!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote;]>"#
            + rss("<title>caf&eacute;</title>"))
        #expect(elapsed < .seconds(1))
        #expect(feed.entries.first?.title?.value == "café")
    }

    @Test("every fixture cut at several lengths parses or throws, never crashes", arguments: FixturePaths.feedFiles())
    func truncations(name: String) throws {
        let bytes = try FixturePaths.bytes(name)
        let cuts = Set([0, 1, 2, 3, 5, 17, 64] + (1..<10).map { bytes.count * $0 / 10 } + [bytes.count - 1])
        for cut in cuts.sorted() where cut >= 0 && cut <= bytes.count {
            do {
                let feed = try FeedParser().parse(Array(bytes[..<cut]), documentURL: nil, httpCharset: nil)
                #expect(feed.entries.allSatisfy { !$0.id.isEmpty })
            } catch {
                // Refusing a stub (empty, no root element yet) is an acceptable answer.
            }
        }
    }

    @Test("every fixture with bytes overwritten by markup characters parses or throws, never crashes",
          arguments: FixturePaths.feedFiles())
    func mutations(name: String) throws {
        let original = try FixturePaths.bytes(name)
        guard !original.isEmpty else { return }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(original.count)  // fixed seed per file: reproducible
        let noise: [UInt8] = Array("<>&;/\"'![]".utf8) + [0x00, 0x0B, 0xC3, 0xFF]
        for _ in 0..<25 {
            var bytes = original
            for _ in 0..<8 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes[Int(state >> 33) % bytes.count] = noise[Int(state >> 20) % noise.count]
            }
            if let feed = try? FeedParser().parse(bytes, documentURL: nil, httpCharset: nil) {
                #expect(Set(feed.entries.map(\.id)).count == feed.entries.count)
            }
        }
    }

    @Test("deep nesting is survived: no recursion in the builder, the entry is kept")
    func deepNesting() throws {
        let depth = 100_000
        let xml = rss("<title>deep</title><description>" + String(repeating: "<d>", count: depth) + "x"
            + String(repeating: "</d>", count: depth) + "</description>")
        let (feed, elapsed) = try Self.timedParse(xml)
        #expect(elapsed < .seconds(3))  // linear: a copy-on-write slip once made this quadratic
        #expect(feed.entries.first?.title?.value == "deep")
    }
}
