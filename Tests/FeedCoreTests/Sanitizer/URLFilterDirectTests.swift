@testable import FeedCore
import Testing

/// `URLFilter.directFilter`, the shortcut for common URLs, gives what the full filter gives whenever it answers.
@Suite struct URLFilterDirectTests {
    static let bases: [String?] = [
        nil, "https://example.org/feed/", "HTTP://User@Example.org:8080/a/b?q#f", "mailto:x", "https://example.org",
        "https://example.org/a/../b/c", "https://example.org/x/./", " https://example.org/\tt/ ",
    ]
    static let kinds: [URLFilter.Kind] = [.link, .resource, .image]

    static let samples = [
        "https://example.net/a?b=1&c=2", "HTTPS://EXAMPLE.NET", "http:", "http:x", "http:/x/./y", "https://h/a/../b",
        "/posts/1", "/posts/./1", "/..", "/.", "/.x/..y/", "//cdn.example.net/x", "?q", "#f", "", " /p ", "/p\t",
        "mailto:a@example.org", "MailTo:a", "javascript:alert(1)", "data:image/png;base64,AAAA", ":x", "/a:b",
        "/a?b/../c", "/a#b?c", "/é", "https://h/\\x", "x/y", "../up", "./here", "http://h/a b", "https://h:443/x?y#z",
    ]

    @Test func samplesAgree() {
        for base in Self.bases {
            let filter = URLFilter(baseURL: base, allowDataImages: true)
            for sample in Self.samples {
                for kind in Self.kinds { Self.expectAgreement(filter, sample, kind) }
            }
        }
    }

    /// Random strings over the characters URL rules care about.
    @Test(arguments: 0..<4)
    func generatedURLsAgree(batch: Int) {
        let prefixes = ["", "http://", "HTTPS://", "https:", "mailto:", "/", "//", "./", "../", "?", "#", "data:"]
        let pieces = ["/", ".", "..", ":", "?", "#", "h", "x", " ", "\\", "@", "%2e", "é", "\t", "\n", "a", "/./", "/../"]
        var state = UInt64(batch) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var answered = 0
        for _ in 0..<3000 {
            var sample = prefixes[next(prefixes.count)]
            for _ in 0..<next(8) { sample += pieces[next(pieces.count)] }
            let filter = URLFilter(baseURL: Self.bases[next(Self.bases.count)], allowDataImages: true)
            if Self.expectAgreement(filter, sample, Self.kinds[next(Self.kinds.count)]) { answered += 1 }
        }
        #expect(answered > 300, "the shortcut should answer for many of the samples")
    }

    /// `cleaned`, whose common case is decided on the bytes, strips as the scalar rule says.
    @Test func cleanedMatchesTheScalarRule() {
        for sample in Self.samples + [" \u{1}x\t\ny\r ", "é ", " é", "\u{85}x", "x\u{A0}", "\t", "a\u{301}"] {
            let scalars = URICharacters.trimmed(sample).unicodeScalars.filter { !"\t\n\r".unicodeScalars.contains($0) }
            #expect(URLFilter.cleaned(sample) == String(String.UnicodeScalarView(scalars)), "\(sample)")
        }
    }

    /// Returns whether the shortcut answered.
    @discardableResult
    static func expectAgreement(_ filter: URLFilter, _ sample: String, _ kind: URLFilter.Kind) -> Bool {
        guard let direct = filter.directFilter(sample, as: kind) else { return false }
        #expect(direct == filter.filterInFull(sample, as: kind), "\(sample) as \(kind) against \(String(describing: filter.base))")
        return true
    }
}
