import FeedCore
import Testing

@Suite struct PublishableURLTests {
    @Test(arguments: [
        ("https://example.org/a", "https://example.org/a"),
        ("  HTTP://Example.org/a\n", "http://Example.org/a"),
        ("https:\\\\example.org\\a?b\\c", "https://example.org/a?b%5Cc"),
        ("https://example.org/a%2Fb%zz", "https://example.org/a%2Fb%25zz"),
        ("https://de.wikipedia.org/wiki/Größe_98", "https://de.wikipedia.org/wiki/Gr%C3%B6%C3%9Fe_98"),
        ("https://[2001:db8::1]:8080/x[1]", "https://[2001:db8::1]:8080/x%5B1%5D"),
        ("https://user@example.org:8443/", "https://user@example.org:8443/"),
        ("https://example.org/{a}|`b`^", "https://example.org/%7Ba%7D%7C%60b%60%5E"),
    ])
    func allowedURLsAreWrittenAsURIs(raw: String, expected: String) {
        #expect(PublishableURL.make(raw) == expected)
    }

    @Test(arguments: [
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", "\u{0}javascript:alert(1)", "jav\nascript:alert(1)",
        "data:text/html,<script>", "vbscript:x", "file:///etc/passwd", "mailto:a@example.org", "ftp://example.org/",
        "//example.org/x", "/x", "x", "", "https:example.org", "https://", "https://:80/", "https://user@/x",
    ])
    func everythingElseIsRefused(raw: String) {
        #expect(PublishableURL.make(raw) == nil)
    }
}
