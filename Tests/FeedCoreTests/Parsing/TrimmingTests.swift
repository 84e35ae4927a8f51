import Testing
@testable import FeedCore

/// `trimmingWhitespace` agrees with trimming by `Character.isWhitespace`, ASCII fast path or not.
@Suite("Trimming whitespace")
struct TrimmingTests {
    @Test("same as the Character-by-Character trim", arguments: [
        "", " ", "plain", "  two words  ", "\r\n\tline\r\n", "\u{A0}nbsp\u{A0}", "\u{3000}ideographic\u{3000}",
        " e\u{301} ", "x \u{301}", " \u{301}x", "caf\u{E9}", "\u{2028}\u{2029}", " \u{85}next line\u{85} ", "日本語 ",
    ])
    func agrees(text: String) {
        #expect(text.trimmingWhitespace() == text.trimming { $0.isWhitespace })
        #expect(text[...].trimmingWhitespace() == text.trimming { $0.isWhitespace })
    }
}
