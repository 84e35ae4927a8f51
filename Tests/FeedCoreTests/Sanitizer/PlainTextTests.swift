import FeedCore
import Testing

/// `HTMLSanitizer.plainText`: what titles and summaries become.
@Suite struct PlainTextTests {
    static let cases: [(input: String, expected: String)] = [
        ("Caf&eacute; &amp; bar", "Café & bar"),
        ("a&nbsp;b&nbsp;&nbsp;c", "a b c"),
        ("AT&amp;T", "AT&T"),
        ("AT&T and R&D", "AT&T and R&D"),
        ("&lt;b&gt;not bold&lt;/b&gt;", "<b>not bold</b>"),
        ("<b>bold</b>text", "boldtext"),
        ("<p>One</p><p>Two</p>", "One Two"),
        ("line<br>break", "line break"),
        ("<ul><li>a</li><li>b</li></ul>", "a b"),
        ("  spaced \n\t out  ", "spaced out"),
        ("<script>alert(1)</script>Title<style>p{}</style>", "Title"),
        ("It&#8217;s &#x2014; &hellip;", "It’s — …"),
        ("1 &lt; 2 &gt; 0", "1 < 2 > 0"),
        ("1 < 2 and 3 > 2", "1 < 2 and 3 > 2"),
        ("<a href=\"https://example.org/\">link</a> text", "link text"),
        ("<!-- hidden -->shown", "shown"),
        ("<![CDATA[x]]>", "<![CDATA[x]]>"),
        ("日本語 &copy; 2024", "日本語 © 2024"),
    ]

    @Test(arguments: cases)
    func plainText(_ input: String, _ expected: String) {
        #expect(HTMLSanitizer().plainText(input) == expected)
    }
}
