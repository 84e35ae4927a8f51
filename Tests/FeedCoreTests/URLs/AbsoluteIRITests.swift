import Foundation
import Testing
@testable import FeedCore

/// `EntryNormalizer.isAbsoluteIRI` on bytes agrees with the RFC 3987 reading written with CharacterSet.
@Suite("Absolute IRI")
struct AbsoluteIRITests {
    /// The straightforward version: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":" and more, no whitespace.
    static func reference(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex, text.index(after: colon) != text.endIndex else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCII, CharacterSet.letters.contains(first) else { return false }
        let schemeOK = scheme.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "+-.".unicodeScalars.contains($0)) }
        return schemeOK && !text.contains(where: \.isWhitespace)
    }

    @Test("agrees with the reference", arguments: [
        "https://example.org/a", "tag:example.org,2026:x", "urn:uuid:1234", "mailto:a@b", "a:", ":x", "123", "x1+.-:y",
        "1x:y", "ht tp://x", "http://x y", "http://x\u{A0}y", "http://x\u{3000}", "é:x", "x:é", "X:Y", "@:x", "[:x", "`:x",
        "{:x", "a_b:x", "a:b\r\n", "", "::", "a::", "data:text/plain,hi",
    ])
    func agrees(text: String) {
        #expect(EntryNormalizer.isAbsoluteIRI(text) == Self.reference(text), "\(text)")
    }
}
