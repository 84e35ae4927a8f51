@testable import FeedCore
import Testing

@Suite struct TextEscapingTests {
    @Test(arguments: [
        ("  a \t b\n\nc  ", "a b c"),
        ("x\u{00A0}\u{00A0}y", "x y"),
        ("", ""),
        ("é  è", "é è"),
    ])
    func collapsesWhitespace(input: String, expected: String) {
        #expect(TextEscaping.collapsingWhitespace(input) == expected)
    }

    @Test func paragraphsAreEscapedOnce() {
        #expect(TextEscaping.paragraphs("a < b & c\n\n  d > e &amp;  \n\n\n") == "<p>a &lt; b &amp; c</p>\n<p>d &gt; e &amp;amp;</p>")
    }
}
