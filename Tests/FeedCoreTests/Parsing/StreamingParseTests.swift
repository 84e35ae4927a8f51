import FeedDaemon
import Foundation
import Testing
@testable import FeedCore

/// Counts what a streaming parse delivers, restarts included.
final class RecordingSink: ParsedEntrySink {
    var entries: [ParsedEntry] = []
    var restarts = 0
    func receive(_ entry: ParsedEntry) { entries.append(entry) }
    func restart() {
        restarts += 1
        entries.removeAll()
    }
}

/// The streaming parse (a document handed over piece by piece, entries to a sink) gives exactly what the
/// whole-document parse gives, however the pieces are cut.
@Suite("Streaming parse")
struct StreamingParseTests {
    static func streamed(_ bytes: [UInt8], pieceSize: Int, url: String?, charset: String? = nil) throws -> (ParsedFeed, RecordingSink) {
        let sink = RecordingSink()
        var feed = try FeedParser().parse(
            InMemoryDocument(bytes, pieceSize: pieceSize), documentURL: url, httpCharset: charset, into: sink)
        #expect(feed.entries.isEmpty, "a streaming parse hands entries to the sink only")
        feed.entries = sink.entries
        return (feed, sink)
    }

    @Test("every fixture, cut in pieces of 1, 3, 7, 100 and 4096 bytes, reports as its .expected file",
          arguments: FixturePaths.feedFiles())
    func fixtureInPieces(name: String) throws {
        let bytes = try FixturePaths.bytes(name)
        let url = FeedFixtureTests.documentBase + name
        let expected = try String(contentsOf: FixturePaths.expectedURL(for: name), encoding: .utf8)
        for size in [1, 3, 7, 100, 4096] {
            let report: String
            do {
                report = InspectReport.json(try Self.streamed(bytes, pieceSize: size, url: url).0)
            } catch {
                report = "error: \(error)\n"
            }
            #expect(report == expected, "\(name) in pieces of \(size) bytes")
        }
    }

    @Test("bytes that stop being UTF-8 after the first entry: the sink restarts and the feed is read as windows-1252")
    func invalidUTF8LateRestartsTheSink() throws {
        let item = "<item><title>caf\u{E9}</title><guid>a</guid></item>"
        var bytes = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title>".utf8)
        bytes += Array(item.utf8) + Array(repeating: UInt8(ascii: " "), count: 5000)
        bytes += Array("<item><title>na".utf8) + [0xEF] + Array("ve</title><guid>b</guid></item></channel></rss>".utf8)
        let (feed, sink) = try Self.streamed(bytes, pieceSize: 1024, url: nil)
        #expect(sink.restarts == 1)
        #expect(feed.entries.map(\.id) == ["a", "b"])
        // Read as windows-1252: the UTF-8 é becomes two characters, 0xEF becomes ï.
        #expect(feed.entries.map { $0.title?.value } == ["caf\u{C3}\u{A9}", "na\u{EF}ve"])
        #expect(feed.warnings.first == "declared utf-8 but the bytes are not valid UTF-8: read as windows-1252")
        let whole = try FeedParser().parse(bytes, documentURL: nil, httpCharset: nil)
        #expect(whole == feed)
    }

    @Test("a clean document is read once: no restart")
    func cleanDocumentIsReadOnce() throws {
        let xml = rss("<title>one</title><guid>1</guid>", "<title>two</title><guid>2</guid>")
        let (feed, sink) = try Self.streamed(Array(xml.utf8), pieceSize: 16, url: nil)
        #expect(sink.restarts == 0)
        #expect(feed.entries.map(\.id) == ["1", "2"])
        #expect(!feed.bozo)
    }

    @Test("markup that needs repair restarts the sink once and delivers the repaired entries")
    func repairRestartsTheSink() throws {
        let xml = rss("<title>fish & chips</title><guid>1</guid>", "<title>two</title><guid>2</guid>")
        let (feed, sink) = try Self.streamed(Array(xml.utf8), pieceSize: 16, url: nil)
        #expect(sink.restarts == 1)
        #expect(feed.entries.map { $0.title?.value } == ["fish & chips", "two"])
        #expect(feed.bozo)
    }

    @Test("repeated ids are told apart across pieces, as in the whole-document parse")
    func duplicateIDs() throws {
        let xml = rss("<title>a</title><guid>same</guid>", "<title>b</title><guid>same</guid>", "<title>c</title><guid>same</guid>")
        let (feed, _) = try Self.streamed(Array(xml.utf8), pieceSize: 5, url: nil)
        #expect(feed.entries.map(\.id) == ["same", "same#2", "same#3"])
    }

    @Test("a document of whitespace only is empty; a BOM then whitespace then JSON is JSON Feed")
    func leadingBytes() throws {
        #expect(throws: FeedParseError.empty) {
            try Self.streamed(Array(repeating: UInt8(ascii: " "), count: 300), pieceSize: 7, url: nil)
        }
        let json = [0xEF, 0xBB, 0xBF] + Array("\n  {\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"J\", \"items\": [{\"id\": \"1\", \"content_text\": \"x\"}]}".utf8)
        let (feed, _) = try Self.streamed(json, pieceSize: 2, url: nil)
        #expect(feed.format == .json11)
        #expect(feed.entries.map(\.id) == ["1"])
    }

    @Test("a document over the cap is refused before it is read")
    func cap() {
        let parser = FeedParser(options: FeedParserOptions(maxBytes: 10))
        #expect(throws: FeedParseError.tooLarge(limit: 10)) {
            try parser.parse(InMemoryDocument(Array(rss().utf8)), documentURL: nil, httpCharset: nil, into: ParsedEntryCollector())
        }
    }
}

/// UTF-8 checked piece by piece agrees with the check of the whole, wherever the cuts fall.
@Suite("UTF-8 check in pieces")
struct UTF8CheckPiecesTests {
    static let samples: [[UInt8]] = [
        Array("plain ascii, long enough to take the eight-byte path more than once".utf8),
        Array("accents: é è ê — “quotes” — 日本語 — 🎉 emoji".utf8),
        Array("tab\tnewline\ncarriage\rreturn".utf8),
        Array("bell \u{07} inside a long ascii run of text".utf8),
        [0x61, 0xC3],  // cut at the end
        [0xE0, 0x80, 0x80],  // overlong
        [0xED, 0xA0, 0x80],  // surrogate
        [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        [0x61, 0x62, 0xFF, 0x63],
        Array("x".utf8) + [0xF0, 0x9F, 0x8E, 0x89] + Array("y".utf8),
    ]

    @Test("same verdict for every cut of every sample", arguments: samples.indices)
    func everyCut(index: Int) {
        let bytes = Self.samples[index]
        let whole = UTF8Check(bytes)
        for cut in 0...bytes.count {
            var check = UTF8Check()
            bytes[..<cut].withUnsafeBufferPointer { _ = check.consume($0) }
            bytes[cut...].withUnsafeBufferPointer { _ = check.consume($0) }
            check.finish()
            #expect(check.isValid == whole.isValid, "cut at \(cut)")
            if whole.isValid {
                #expect(check.hasMultibyte == whole.hasMultibyte && check.hasControl == whole.hasControl, "cut at \(cut)")
            }
        }
    }

    @Test("agrees with the standard library on random bytes")
    func randomBytes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let count = Int.random(in: 0..<40, using: &generator)
            // Mostly ASCII with some high bytes, so valid sequences occur too.
            let bytes = (0..<count).map { _ in
                Bool.random(using: &generator) ? UInt8.random(in: 0x20..<0x80, using: &generator) : UInt8.random(in: 0x80...0xF5, using: &generator)
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(UTF8Check(bytes).isValid == expected, "\(bytes)")
        }
    }
}
