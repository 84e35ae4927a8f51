import Testing
@testable import FeedCore

/// Feed autodiscovery on pages as sites write them.
@Suite struct FeedLinkFinderTests {
    static func links(_ html: String, _ page: String = "https://site.example/blog/post.html") -> [FeedLinkFinder.Link] {
        FeedLinkFinder.links(inPage: Array(html.utf8), pageURL: page)
    }

    @Test func alternateFeedLinksAreResolvedAgainstThePage() {
        let found = Self.links("""
            <!doctype html><html><head><title>Blog</title>
            <link rel="stylesheet" href="/style.css">
            <link rel="alternate" type="application/rss+xml" title="Posts (RSS)" href="feed.xml">
            <link rel="Alternate Feed" type="application/atom+xml; charset=utf-8" href="/atom.xml" title=" Posts ">
            <link rel="alternate" type="application/feed+json" href="https://cdn.example/feed.json">
            <link rel="alternate" hreflang="fr" type="text/html" href="/fr/">
            <link rel="alternate" type="application/rss+xml" href="feed.xml">
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
            <link rel="alternate" type="application/rss+xml" href="">
            </head><body><a rel="alternate" type="application/rss+xml" href="/not-a-link-element.xml">x</a></body></html>
            """)
        #expect(found.map(\.url) == ["https://site.example/blog/feed.xml", "https://site.example/atom.xml", "https://cdn.example/feed.json"])
        #expect(found.map(\.title) == ["Posts (RSS)", "Posts", nil])
        #expect(found.map(\.type) == ["application/rss+xml", "application/atom+xml", "application/feed+json"])
    }

    @Test func theBaseElementMovesRelativeLinks() {
        let found = Self.links("""
            <head><base href="/archive/2026/"><link rel=alternate type=application/atom+xml href="../feed.atom"></head>
            """)
        #expect(found.map(\.url) == ["https://site.example/archive/feed.atom"])
        #expect(Self.links("<p>No links here</p>").isEmpty)
    }
}
