import Foundation
@testable import FeedCore

/// Parses inline XML the way the tests need it.
func parseFeed(_ xml: String, url: String? = "http://example.test/feed", charset: String? = nil) throws -> ParsedFeed {
    try FeedParser().parse(Array(xml.utf8), documentURL: url, httpCharset: charset)
}

/// An RSS 2.0 document with the given item bodies.
func rss(_ items: String..., channel: String = "<title>T</title><link>http://example.test/</link>", namespaces: String = "") -> String {
    "<?xml version=\"1.0\"?><rss version=\"2.0\"\(namespaces)><channel>\(channel)"
        + items.map { "<item>\($0)</item>" }.joined() + "</channel></rss>"
}
