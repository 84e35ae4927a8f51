import Foundation

/// Writes `index.html`, the page for people: the entries in the order given (title linked to the entry,
/// source, date, plain-text summary), the sources with their status, and a subscribe link for each output.
///
/// Rules:
/// - HTML5 with inline CSS only (`PageStyle`), no script, and a Content Security Policy that would block one.
/// - Every text is escaped and every external URL goes through `PublishableURL` (a refused link leaves its
///   text unlinked); the outputs are linked by relative references (`FileURL.sibling`), which work wherever
///   the directory is served or opened. No entry HTML is shown: summaries are plain text.
/// - Accessible: `lang` from the feed (and on each entry in another language), `header`/`nav`/`main`/
///   `footer` landmarks, headings h1 → h2 → h3, link texts that name their target.
/// - A source without a public feed URL (a local file) shows neither its URL nor its error message (both
///   would name its path; `feedd status` has them).
/// - Deterministic: no clock; the only date beyond the entries' is the newest entry's `updated`.
public enum HTMLPageWriter {
    /// The page's UTF-8 bytes.
    public static func write(feed: FeedDescription, entries: [Entry], sources: [SourceStatus]) -> [UInt8] {
        let feed = feed.publishable, entries = entries.map(\.publishable)
        let language = WriterRules.languageTag(feed.language)
        var html = HTMLMarkup()
        html.raw("<!DOCTYPE html>\n")
        html.start("html", ["lang": language ?? "und"])
        html.newline()
        writeHead(&html, feed)
        html.start("body")
        html.newline()
        writeHeader(&html, feed)
        html.start("main")
        html.newline()
        writeEntries(&html, entries, feed: feed, language: language)
        writeSources(&html, sources)
        html.end("main", line: true)
        writeFooter(&html, feed, entries: entries)
        html.end("body", line: true)
        html.end("html", line: true)
        return html.bytes
    }

    private static func writeHead(_ html: inout HTMLMarkup, _ feed: FeedDescription) {
        html.start("head")
        html.newline()
        html.void("meta", ["charset": "utf-8"])
        html.newline()
        html.void("meta", ["name": "viewport", "content": PageStyle.viewport])
        html.newline()
        html.void("meta", ["http-equiv": "Content-Security-Policy", "content": PageStyle.contentSecurityPolicy])
        html.newline()
        html.void("meta", ["name": "generator", "content": "\(feed.generator.name) \(feed.generator.version)"])
        html.newline()
        html.element("title", text: feed.title)
        html.newline()
        for format in SubscribeLink.all(feed.files) where format.isFeed {
            html.void("link", ["rel": "alternate", "type": format.mediaType, "title": "\(feed.title) (\(format.name))",
                               "href": FileURL.sibling(format.file)])
            html.newline()
        }
        for topic in feed.topics {
            html.void("link", ["rel": "alternate", "type": "application/atom+xml", "title": "\(topic.title) (Atom)",
                               "href": FileURL.sibling(topic.atom)])
            html.newline()
        }
        html.start("style")
        html.raw(PageStyle.css)
        html.end("style", line: true)
        html.end("head", line: true)
    }

    private static func writeHeader(_ html: inout HTMLMarkup, _ feed: FeedDescription) {
        html.start("header")
        html.newline()
        html.element("h1", text: feed.title)
        html.newline()
        if let subtitle = feed.subtitle, !subtitle.isEmpty {
            html.element("p", text: subtitle)
            html.newline()
        }
        if let site = feed.siteURL {
            html.start("p")
            html.element("a", ["href": site], text: "\(feed.title) website")
            html.end("p", line: true)
        }
        html.start("nav", ["aria-labelledby": "subscribe"])
        html.newline()
        html.element("h2", ["id": "subscribe"], text: "Subscribe")
        html.newline()
        html.element("p", text: "Copy the address of one of these into your feed reader:")
        html.newline()
        html.start("ul", ["class": "subscribe"])
        html.newline()
        for format in SubscribeLink.all(feed.files) {
            html.start("li")
            html.element("a", ["href": FileURL.sibling(format.file), "type": format.mediaType], text: format.linkText)
            html.end("li", line: true)
        }
        html.end("ul", line: true)
        if !feed.topics.isEmpty {
            html.element("h3", text: "By topic")
            html.newline()
            html.start("ul", ["class": "subscribe"])
            html.newline()
            for topic in feed.topics {
                html.start("li")
                html.text(topic.title + ": ")
                let links = SubscribeLink.all(feed.describing(topic).files).filter(\.isFeed)
                for (index, format) in links.enumerated() {
                    if index > 0 { html.text(", ") }
                    html.element("a", ["href": FileURL.sibling(format.file), "type": format.mediaType], text: format.linkText)
                }
                html.end("li", line: true)
            }
            html.end("ul", line: true)
        }
        html.end("nav", line: true)
        html.end("header", line: true)
    }

    private static func writeEntries(_ html: inout HTMLMarkup, _ entries: [Entry], feed: FeedDescription, language: String?) {
        guard startSection(&html, id: "entries", heading: "Latest entries", emptyText: entries.isEmpty ? "No entries yet." : nil) else {
            return
        }
        html.start("ol", ["class": "entries"])
        html.newline()
        for entry in entries {
            let entryLanguage = WriterRules.languageTag(entry.language)
            html.start("li", ["lang": entryLanguage == language ? nil : entryLanguage])
            html.newline()
            html.start("article")
            html.start("h3")
            let title = entry.title.isEmpty ? "(untitled)" : entry.title
            if let link = entry.link {
                html.element("a", ["href": link], text: title)
            } else {
                html.text(title)
            }
            html.end("h3", line: true)
            html.start("p", ["class": "meta"])
            html.text(sourceName(of: entry, feed: feed))
            html.raw(" · ")
            writeTime(&html, entry.published)
            html.end("p", line: true)
            if let summary = entry.summary, !summary.isEmpty {
                html.element("p", ["class": "summary"], text: summary)
                html.newline()
            }
            html.end("article")
            html.end("li", line: true)
        }
        html.end("ol", line: true)
        html.end("section", line: true)
    }

    /// Opens a `section` labelled by its `h2`; with `emptyText`, writes it as the whole section, closes it
    /// and returns false (nothing to list).
    private static func startSection(_ html: inout HTMLMarkup, id: String, heading: String, emptyText: String?) -> Bool {
        html.start("section", ["aria-labelledby": id])
        html.newline()
        html.element("h2", ["id": id], text: heading)
        html.newline()
        guard let emptyText else { return true }
        html.element("p", text: emptyText)
        html.newline()
        html.end("section", line: true)
        return false
    }

    /// The feed an entry came from: its source's title, else (an article) the feed's own.
    static func sourceName(of entry: Entry, feed: FeedDescription) -> String {
        guard let source = entry.source else { return feed.title }
        return source.title.flatMap { $0.isEmpty ? nil : $0 } ?? source.link ?? source.feedURL ?? "another feed"
    }

    private static func writeSources(_ html: inout HTMLMarkup, _ sources: [SourceStatus]) {
        let none = sources.isEmpty ? "This feed follows no other feed: every entry is its own." : nil
        guard startSection(&html, id: "sources", heading: "Sources", emptyText: none) else { return }
        html.start("ul", ["class": "sources"])
        html.newline()
        for source in sources {
            writeSource(&html, source)
        }
        html.end("ul", line: true)
        html.end("section", line: true)
    }

    private static func writeSource(_ html: inout HTMLMarkup, _ source: SourceStatus) {
        let siteURL = PublishableURL.make(source.siteURL), feedURL = PublishableURL.make(source.feedURL)
        html.start("li")
        html.newline()
        html.element("h3", text: source.name)
        html.newline()
        if siteURL != nil || feedURL != nil {
            html.start("p")
            if let siteURL {
                html.element("a", ["href": siteURL], text: "\(source.name) website")
            }
            if siteURL != nil, feedURL != nil { html.raw(" · ") }
            if let feedURL {
                html.element("a", ["href": feedURL], text: "\(source.name) feed")
            }
            html.end("p", line: true)
        }
        html.start("dl")
        html.element("dt", text: "Status")
        html.start("dd", ["class": source.retired || source.lastErrorStage != nil ? "failed" : nil])
        html.text(status(of: source))
        html.end("dd")
        html.element("dt", text: "Last success")
        html.start("dd")
        // The day only: a page that changed with every poll's second would be rewritten after every poll.
        if let lastSuccess = source.lastSuccess { writeDay(&html, lastSuccess) } else { html.text("never") }
        html.end("dd")
        if !source.retired, let stage = source.lastErrorStage {
            html.element("dt", text: "Last error")
            // A local source's message names its path.
            let message = feedURL == nil ? "details in feedd status" : source.lastError ?? "unknown"
            html.element("dd", text: "\(stage): \(message)")
        }
        html.end("dl", line: true)
        html.end("li", line: true)
    }

    /// One word or two on how the source stands.
    static func status(of source: SourceStatus) -> String {
        if source.retired { return "retired (410): the publisher removed the feed; it is no longer polled" }
        if source.lastErrorStage != nil { return "failing" }
        return source.lastSuccess == nil ? "not fetched yet" : "OK"
    }

    private static func writeFooter(_ html: inout HTMLMarkup, _ feed: FeedDescription, entries: [Entry]) {
        html.start("footer")
        html.start("p")
        html.text("Written by ")
        let generator = "\(feed.generator.name) \(feed.generator.version)"
        if let uri = PublishableURL.make(feed.generator.uri) {
            html.element("a", ["href": uri], text: generator)
        } else {
            html.text(generator)
        }
        if let updated = entries.lazy.map(\.updated).max() {
            html.text("; last change ")
            writeTime(&html, updated)
        }
        html.raw(".")
        html.end("p")
        html.end("footer", line: true)
    }

    /// `<time datetime="2026-03-14">2026-03-14</time>`.
    private static func writeDay(_ html: inout HTMLMarkup, _ date: Date) {
        let day = String(FeedDate.rfc3339(date).prefix(10))
        html.element("time", ["datetime": day], text: day)
    }

    /// `<time datetime="2026-03-14T09:30:00Z">2026-03-14 09:30 UTC</time>`.
    private static func writeTime(_ html: inout HTMLMarkup, _ date: Date) {
        let stamp = FeedDate.rfc3339(date)
        let shown = stamp.prefix(10) + " " + stamp.dropFirst(11).prefix(5) + " UTC"
        html.element("time", ["datetime": stamp], text: String(shown))
    }
}
