@testable import FeedCore
import FeedXML
import Testing

/// The one-walk sanitiser (`SanitizingWriter`, `HTMLPlainText`) against the tree-based one it replaced
/// (`ReferenceSanitizer`): the same bytes for every fixture and for thousands of generated bodies.
@Suite struct SanitizerDifferentialTests {
    static let policies = [
        SanitizerPolicy(),
        SanitizerPolicy(allowedIframeHosts: ["video.example.com"], allowDataImages: false),
    ]
    static let bases: [String?] = [nil, "https://example.org/feed/", "http://example.org/a b/c?d#e", "not a url"]

    /// Every way the sanitiser is called on `input` gives what the reference gives.
    static func expectSame(_ input: String, policy: SanitizerPolicy, baseURL: String?) {
        let sanitizer = HTMLSanitizer(policy: policy)
        let reference = ReferenceSanitizer(policy: policy)
        let html = sanitizer.sanitize(input, baseURL: baseURL)
        #expect(html == reference.sanitize(input, baseURL: baseURL), "sanitize: \(input)")
        let both = sanitizer.sanitizeWithText(input, baseURL: baseURL)
        let expected = reference.sanitizeWithText(input, baseURL: baseURL)
        #expect(both.html == expected.html, "sanitizeWithText html: \(input)")
        #expect(both.text == expected.text, "sanitizeWithText text: \(input)")
        #expect(sanitizer.plainText(input) == reference.plainText(input), "plainText: \(input)")
        let nodes = HTMLFragmentParser.parse(input)
        #expect(sanitizer.sanitize(nodes: nodes, baseURL: baseURL) == reference.sanitize(nodes: nodes, baseURL: baseURL),
                "sanitize(nodes:): \(input)")
        #expect(HTMLPlainText.text(of: nodes) == ReferencePlainText.text(of: nodes), "text(of:): \(input)")
    }

    @Test(arguments: SanitizerFixtureTests.cases)
    func fixtures(_ fixture: SanitizerCase) {
        let policy = SanitizerPolicy(allowedIframeHosts: fixture.iframeHosts, allowDataImages: fixture.allowDataImages)
        Self.expectSame(fixture.input, policy: policy, baseURL: fixture.baseURL)
    }

    @Test(arguments: 0..<8)
    func feedBodies(batch: Int) {
        var generator = FeedBodyGenerator(seed: UInt64(batch) &* 0x9E37_79B9 &+ 17)
        for index in 0..<120 {
            let body = generator.body()
            Self.expectSame(body, policy: Self.policies[index % 2], baseURL: Self.bases[index % Self.bases.count])
        }
    }

    @Test(arguments: 0..<4)
    func hostileFragments(batch: Int) {
        var generator = HostileHTMLGenerator(seed: UInt64(batch) &* 0xA24B_AED4_963E_E407 &+ 3)
        for index in 0..<250 {
            let fragment = generator.fragment()
            Self.expectSame(fragment, policy: Self.policies[index % 2], baseURL: Self.bases[index % Self.bases.count])
        }
    }

    @Test(arguments: [
        "<p>a<a href=/x> </a>b</p>", "<p><a href=/x> \u{301}</a></p>", "<a href=/x> <!-- c -->\u{301}</a>",
        "<a href=/x> <b>\u{301}</b></a>", "<a href=x><a href=y> </a></a>", "<p>x<a href=y>&nbsp;<ul></ul></a>",
        "<a href=y><p>x</p></a>", "<p><font><a href=y>\n</a><ul><li>z</ul>", "<a href=y><div> </div></a>",
        "<ul><li>a<a href=y><li> </a>", "<dl><dt><a href=x><dd>q</a>", "a\u{0}b<a href=y>\u{0}</a>",
        "<p>x<span><wbr>y</span>z</p>", "<source>t<p>u", "<embed>kept<input>also", "<table><a href=x> </a><tr><td>c",
        "&#xFFFE;&#xFFFF;\u{FFFE}ok<img alt=\"\u{FFFF}\" src=a>", "<body>a</body>b<html>c</html>",
        // Text without markup, which is not parsed: it must read as libxml2 reads it.
        "a\r\nb", "a\rb", "\ta\n b\t", "a > b \"q\" 'x'", "\u{FEFF}é\u{85}\u{A0}z\u{3000}", "x\u{1}y", "x\u{FFFE}y\u{FFFF}",
        "\u{FFFD}\u{EFFF}", String(repeating: "w ", count: 700) + String(repeating: " ", count: 1500) + "end  ",
        String(repeating: "\n", count: 2100), "", " ", "]]> --> ?> \\ / ' \" = ;", "日本語 🙂 e\u{301}",
    ])
    func corners(_ input: String) {
        for policy in Self.policies {
            Self.expectSame(input, policy: policy, baseURL: "https://example.org/")
        }
    }

    /// Adjacent text nodes in a hand-made tree stay apart, as they did when the tree was cleaned.
    @Test func adjacentTextNodesInAHandMadeTree() {
        let nodes: [HTMLNode] = [
            .element(name: "a", attributes: [HTMLAttribute(name: "href", value: "/x")], children: [.text(" "), .text("\u{301}")]),
            .element(name: "a", attributes: [HTMLAttribute(name: "href", value: "/y")], children: [.text(" \u{301}")]),
            .element(name: "br", attributes: [], children: [.text("inside a void element")]),
            .element(name: "body", attributes: [], children: [.text("t")]),
        ]
        let policy = SanitizerPolicy()
        let output = HTMLSanitizer(policy: policy).sanitize(nodes: nodes, baseURL: "https://example.org/")
        #expect(output == ReferenceSanitizer(policy: policy).sanitize(nodes: nodes, baseURL: "https://example.org/"))
        #expect(output.hasPrefix("<a href=\"https://example.org/x\""))
        #expect(HTMLPlainText.text(of: nodes) == ReferencePlainText.text(of: nodes))
    }
}
