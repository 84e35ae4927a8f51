import FeedCore
import Testing

/// RFC 3986 §5.4: every reference resolution example of the RFC, against its base `http://a/b/c/d;p?q`.
@Suite struct URIReferenceTests {
    static let base = URIReference(parsing: "http://a/b/c/d;p?q")

    /// §5.4.1 (normal) and §5.4.2 (abnormal, strict parser).
    static let examples: [(reference: String, resolved: String)] = [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"),
        ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"),
        ("../../g", "http://a/g"),
        ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"), ("/./g", "http://a/g"),
        ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."),
        ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"),
        ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"), ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
        ("g;x=1/../y", "http://a/b/c/y"), ("g?y/./x", "http://a/b/c/g?y/./x"), ("g?y/../x", "http://a/b/c/g?y/../x"),
        ("g#s/./x", "http://a/b/c/g#s/./x"), ("g#s/../x", "http://a/b/c/g#s/../x"), ("http:g", "http:g"),
    ]

    @Test(arguments: examples)
    func resolves(_ reference: String, _ expected: String) {
        #expect(URIReference(parsing: reference).resolved(against: Self.base).string == expected)
    }

    @Test func splitsComponents() {
        let reference = URIReference(parsing: "https://user@Example.org:8443/a/b?x=1&y#top")
        #expect(reference.scheme == "https")
        #expect(reference.authority == "user@Example.org:8443")
        #expect(reference.host == "Example.org")
        #expect(reference.path == "/a/b")
        #expect(reference.query == "x=1&y")
        #expect(reference.fragment == "top")
        #expect(reference.string == "https://user@Example.org:8443/a/b?x=1&y#top")
        #expect(URIReference(parsing: "http://[::1]:80/").host == "::1")
    }

    @Test(arguments: [("http://x", true), ("a+b-c.d:x", true), ("1abc:x", false), ("java script:x", false), ("/x:y", false)])
    func validScheme(_ string: String, _ valid: Bool) {
        #expect(URIReference(parsing: string).hasValidScheme == valid)
    }

    @Test("a combining mark after a delimiter stays in the next component: the string round-trips", arguments: [
        "https:\u{301}//evil.example/x", "https://\u{301}evil.example/x", "http://a/b?\u{301}q#\u{301}f", "x:\u{301}",
        "http://h/p\u{301}?q", "//\u{301}", "a#\u{301}",
    ])
    func combiningMarksAreKept(text: String) {
        let reference = URIReference(parsing: text)
        #expect(reference.string == text)
        #expect(reference.string.unicodeScalars.count == text.unicodeScalars.count)
    }

    @Test func combiningMarkAfterTheColonIsNotAnAuthority() {
        let reference = URIReference(parsing: "https:\u{301}//evil.example")
        #expect(reference.scheme == "https")
        #expect(reference.authority == nil)
        #expect(reference.path == "\u{301}//evil.example")
    }
}
