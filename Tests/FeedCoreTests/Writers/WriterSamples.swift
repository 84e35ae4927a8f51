import FeedCore
import Foundation

/// The fixed feed and entries every writer test and golden file uses.
enum WriterSamples {
    /// An instant from its UTC calendar fields, through Foundation's Gregorian calendar (independent of FeedDate).
    static func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return calendar.date(from: components)!
    }

    static let feed = FeedDescription(
        id: "tag:example.org,2026:feed",
        title: "Carnet d'exemple",
        subtitle: "Notes & liens, en français et en anglais",
        author: Author(name: "Camille Exemple", email: "camille@example.org", uri: "https://example.org/about"),
        siteURL: "https://example.org/",
        baseURL: "https://example.org/feeds/",
        language: "fr",
        generator: Generator(name: "feedd", version: "9.9.9-test", uri: "https://example.org/feedd")
    )

    /// A feed with nothing optional: no subtitle, site, base URL or language, an author with only a name.
    static let bareFeed = FeedDescription(
        id: "tag:example.org,2026:bare",
        title: "Bare",
        author: Author(name: "Nobody"),
        generator: Generator(name: "feedd", version: "9.9.9-test")
    )

    static let emptyFeedUpdated = date(2020, 1, 1)

    /// Newest first by publication; the third entry was edited last, so the feed's `updated` is not the first entry's.
    static let entries: [Entry] = [
        Entry(
            id: "tag:example.org,2026:articles/velo",
            title: "À vélo sous la pluie",
            link: "https://example.org/2026/03/velo",
            published: date(2026, 3, 14, 9, 30),
            updated: date(2026, 3, 14, 9, 30),
            originalDate: date(2025, 11, 2),
            summary: "Un trajet humide, et ce qu'il en reste.",
            contentHTML: "<p>Il pleuvait <em>beaucoup</em>.</p>",
            language: "fr",
            categories: ["vélo", "météo"]
        ),
        Entry(
            id: "tag:example.org,2026:articles/escaping",
            title: #"Tags like <b> & "quotes" aren't markup"#,
            link: "https://example.org/2026/03/escaping?a=1&b=2",
            published: date(2026, 3, 10, 18, 0, 5),
            updated: date(2026, 3, 11, 7, 0),
            summary: "Plain text: 1 < 2 && 3 > 2.",
            contentHTML: "<p>Write <code>&amp;lt;</code> for &lt;.</p>",
            language: "en",
            authors: [Author(name: "Sam Writer", email: "sam@example.net"), Author(name: "Lou Helper")]
        ),
        Entry(
            id: "https://news.example.com/items/42",
            title: "Podcast 42: the long edit",
            link: "https://news.example.com/items/42",
            published: date(2026, 2, 28, 23, 59, 59),
            updated: date(2026, 3, 20, 12, 0),
            contentHTML: "<p>Show notes.</p>",
            language: "en-GB",
            authors: [Author(name: "News Desk", uri: "https://news.example.com/desk")],
            categories: ["audio"],
            enclosures: [
                Enclosure(url: "https://news.example.com/audio/42.mp3", type: "audio/mpeg", length: 12_345_678),
                Enclosure(url: "https://news.example.com/audio/42.ogg"),
            ],
            source: SourceFeed(
                id: "urn:uuid:7f1c2d30-0000-4000-8000-000000000042",
                title: "Example News",
                link: "https://news.example.com/",
                feedURL: "https://news.example.com/feed.atom",
                updated: date(2026, 3, 20, 12, 5)
            )
        ),
        Entry(
            id: "tag:example.org,2026:articles/sans-lien",
            title: "Note sans lien",
            published: date(2024, 2, 29, 12, 0),
            updated: date(2024, 2, 29, 12, 0),
            summary: "Une note brève, sans page ni HTML."
        ),
    ]

    static let subscriptions: [Subscription] = [
        Subscription(
            title: "Example News", feedURL: "https://news.example.com/feed.atom",
            siteURL: "https://news.example.com/", category: "/news"
        ),
        Subscription(title: "Bits & <Pieces>", feedURL: "https://bits.example.net/rss?format=xml&full=1"),
    ]

    /// One source of each standing: healthy, failing, retired by 410, local, never polled.
    static let sourceStatuses = [
        SourceStatus(
            name: "Example News", siteURL: "https://news.example.com/", feedURL: "https://news.example.com/feed.atom",
            lastSuccess: WriterSamples.date(2026, 3, 20, 12, 5)
        ),
        SourceStatus(
            name: "Flaky Blog", siteURL: "https://flaky.example.net/", feedURL: "https://flaky.example.net/rss",
            lastSuccess: WriterSamples.date(2026, 3, 1), lastErrorStage: "PARSE", lastError: "not a feed: <html> page"
        ),
        SourceStatus(
            name: "Old Zine", feedURL: "https://zine.example.org/feed", lastErrorStage: "FETCH",
            lastError: "HTTP 410 Gone", retired: true
        ),
        SourceStatus(name: "Local notes", feedURL: "file:///home/someone/private/notes.xml", lastErrorStage: "FETCH",
                     lastError: "cannot read /home/someone/private/notes.xml: no such file"),
        SourceStatus(name: "Never polled", feedURL: "https://new.example.org/feed"),
    ]
}
