import FeedCore
@testable import FeedIO
import FeeddTestSupport
import Foundation
import Testing

/// A feed file parsed as it is read, piece by piece, never loaded whole.
@Suite("File document")
struct FileDocumentTests {
    static func feed(items: Int) -> String {
        let body = (0..<items).map { "<item><guid>id-\($0)</guid><title>Titre n°\($0)</title><description>\(String(repeating: "é texte ", count: 300))</description></item>" }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title>\(body.joined())</channel></rss>"
    }

    @Test("a file larger than many pieces parses as the same bytes in memory do")
    func streamedEqualsInMemory() throws {
        let dir = TemporaryDirectory()
        dir.write("feed.xml", Self.feed(items: 300))  // about 0.8 MB: 13 pieces
        let document = try FileDocument(path: dir.file("feed.xml"))
        #expect(document.byteCount > 12 * FileDocument.pieceSize)
        let collector = ParsedEntryCollector()
        var streamed = try FeedParser().parse(document, documentURL: nil, httpCharset: nil, into: collector)
        streamed.entries = collector.entries
        let whole = try FeedParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: dir.file("feed.xml")))), documentURL: nil, httpCharset: nil)
        #expect(streamed == whole)
        #expect(streamed.entries.count == 300)
    }

    @Test("pieces cover the file exactly once, in order, and a reading can stop early")
    func pieces() throws {
        let dir = TemporaryDirectory()
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        _ = FileManager.default.createFile(atPath: dir.file("data"), contents: Data(bytes))
        let document = try FileDocument(path: dir.file("data"))
        var read: [UInt8] = []
        try document.read { piece in
            #expect(piece.count <= FileDocument.pieceSize)
            read.append(contentsOf: piece)
            return true
        }
        #expect(read == bytes)
        var calls = 0
        try document.read { _ in
            calls += 1
            return false
        }
        #expect(calls == 1)
    }

    @Test("a missing file and a directory are refused by name")
    func refused() {
        let dir = TemporaryDirectory()
        #expect(throws: FileError.self) { try FileDocument(path: dir.file("nope.xml")) }
        do {
            _ = try FileDocument(path: dir.path)
            Issue.record("a directory was accepted")
        } catch {
            #expect(error.description.contains(dir.path) && error.description.contains("not a regular file"))
        }
    }

    @Test("a file removed between opening and reading is a parse error that says so")
    func vanished() throws {
        let dir = TemporaryDirectory()
        dir.write("feed.xml", Self.feed(items: 2))
        let document = try FileDocument(path: dir.file("feed.xml"))
        try FileManager.default.removeItem(atPath: dir.file("feed.xml"))
        #expect {
            try FeedParser().parse(document, documentURL: nil, httpCharset: nil, into: ParsedEntryCollector())
        } throws: { error in
            guard case FeedParseError.unreadable(let why) = error else { return false }
            return why.contains("feed.xml")
        }
    }
}
