import FeedCore
import Testing

/// `LinkNormalizer.normalize`: links that mean the same page compare equal; non-URLs give nil.
@Suite struct LinkNormalizerTests {
    static let cases: [(link: String, normalized: String?)] = [
        ("HTTP://Example.ORG", "http://example.org/"),
        ("https://example.org:443/a", "https://example.org/a"),
        ("http://example.org:80/a", "http://example.org/a"),
        ("http://example.org:8080/a", "http://example.org:8080/a"),
        ("https://example.org:/a", "https://example.org/a"),
        ("https://example.org/a#section-2", "https://example.org/a"),
        ("https://example.org/a?utm_source=rss&utm_medium=feed&UTM_Campaign=x", "https://example.org/a"),
        ("https://example.org/a?id=7&utm_source=rss&b=2", "https://example.org/a?id=7&b=2"),
        ("https://example.org/a?fbclid=abc&gclid=def&mc_cid=1&mc_eid=2&keep=yes", "https://example.org/a?keep=yes"),
        ("https://example.org/a?z=1&a=2", "https://example.org/a?z=1&a=2"),
        ("https://example.org/a?", "https://example.org/a"),
        ("https://example.org/a/./b/../c", "https://example.org/a/c"),
        ("https://example.org/%7euser/%2f%41", "https://example.org/~user/%2FA"),
        ("https://User@Example.org/Path", "https://User@example.org/Path"),
        ("https://[2001:DB8::1]:443/x", "https://[2001:db8::1]/x"),
        ("  https://example.org/padded  ", "https://example.org/padded"),
        ("mailto:Someone@Example.org", "mailto:Someone@Example.org"),
        ("tag:example.org,2024:entry-1", "tag:example.org,2024:entry-1"),
        ("", nil),
        ("not a url", nil),
        ("/relative/path", nil),
        ("example.org/no-scheme", nil),
        ("http://", nil),
        ("https:///no-host", nil),
        ("1http://example.org/", nil),
        ("https://example.org/with space", nil),
        ("https://example.org:80x/", nil),
    ]

    @Test(arguments: cases)
    func normalizes(_ link: String, _ expected: String?) {
        #expect(LinkNormalizer.normalize(link) == expected)
    }

    @Test(arguments: cases.compactMap(\.normalized))
    func normalizingTwiceChangesNothing(_ normalized: String) {
        #expect(LinkNormalizer.normalize(normalized) == normalized)
    }
}
