/// One output a person can subscribe to or import, as the pages for people link it.
struct SubscribeLink: Sendable, Hashable {
    /// The format's name (`Atom`).
    var name: String
    /// Its file in the output directory.
    var file: String
    var mediaType: String
    /// The link's text: it names its target without the text around it.
    var linkText: String
    /// A feed (announced with `<link rel="alternate">`), not the OPML list.
    var isFeed: Bool

    /// The four outputs: Atom, RSS, JSON Feed, then the OPML list.
    static func all(_ files: OutputFiles) -> [SubscribeLink] {
        [
            SubscribeLink(name: "Atom", file: files.atom, mediaType: "application/atom+xml", linkText: "Atom feed", isFeed: true),
            SubscribeLink(name: "RSS", file: files.rss, mediaType: "application/rss+xml", linkText: "RSS feed", isFeed: true),
            SubscribeLink(name: "JSON Feed", file: files.json, mediaType: "application/feed+json", linkText: "JSON Feed", isFeed: true),
            SubscribeLink(name: "OPML", file: files.opml, mediaType: "text/x-opml", linkText: "OPML list of the sources", isFeed: false),
        ]
    }
}
