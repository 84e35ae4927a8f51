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
        // Hosts in Unicode are written in IDNA form (RFC 3492 §7.1 and common examples).
        ("https://bücher.example/ä?ö#ü", "https://xn--bcher-kva.example/%C3%A4?%C3%B6#%C3%BC"),
        ("http://user@Bücher.example:8080/", "http://user@xn--bcher-kva.example:8080/"),
        ("https://b%C3%BCcher.example/", "https://xn--bcher-kva.example/"),
        ("https://пример.испытание/", "https://xn--e1afmkfd.xn--80akhbyknj4f/"),
        ("https://例え.テスト/", "https://xn--r8jz45g.xn--zckzah/"),
        ("https://bücher\u{3002}example/", "https://xn--bcher-kva.example/"),
        ("https://%41.example/", "https://%41.example/"),
    ])
    func allowedURLsAreWrittenAsURIs(raw: String, expected: String) {
        #expect(PublishableURL.make(raw) == expected)
    }

    @Test(arguments: [
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", "\u{0}javascript:alert(1)", "jav\nascript:alert(1)",
        "data:text/html,<script>", "vbscript:x", "file:///etc/passwd", "mailto:a@example.org", "ftp://example.org/",
        "//example.org/x", "/x", "x", "", "https:example.org", "https://", "https://:80/", "https://user@/x",
        "https://%FF%FE.example/", "https://b\u{00FC}cher..example/", "https://" + String(repeating: "ü", count: 70) + ".example/",
    ])
    func everythingElseIsRefused(raw: String) {
        #expect(PublishableURL.make(raw) == nil)
    }

    /// RFC 3492 §7.1's sample strings, encoded.
    @Test(arguments: [
        ("\u{0644}\u{064A}\u{0647}\u{0645}\u{0627}\u{0628}\u{062A}\u{0643}\u{0644}\u{0645}\u{0648}\u{0634}\u{0639}\u{0631}\u{0628}\u{064A}\u{061F}", "egbpdaj6bu4bxfgehfvwxn"),
        ("\u{4ED6}\u{4EEC}\u{4E3A}\u{4EC0}\u{4E48}\u{4E0D}\u{8BF4}\u{4E2D}\u{6587}", "ihqwcrb4cv8a8dqg056pqjye"),
        ("3\u{5E74}B\u{7D44}\u{91D1}\u{516B}\u{5148}\u{751F}", "3B-ww4c5e180e575a65lsy2b"),
        ("\u{3072}\u{3068}\u{3064}\u{5C4B}\u{6839}\u{306E}\u{4E0B}2", "2-u9tlzr9756bt3uc0v"),
        ("b\u{00FC}cher", "bcher-kva"),
    ])
    func punycodeMatchesTheRFCSamples(input: String, expected: String) {
        #expect(Punycode.encode(input) == expected)
    }
}
