import FeedXML
import Foundation

/// Writes an RSS 2.0 document (rssboard.org/rss-specification) from the feed's description and its entries, in the order given.
///
/// Choices beyond the specification, following the RSS Best Practices Profile (rssboard.org/rss-profile) and
/// the W3C Feed Validation Service's rules:
/// - Channel `link` (required, a full URL) is the site URL, else the public directory of the feeds
///   (`base_url`), else the output directory's `file:` URL; the `atom:link rel="self"` likewise falls back to
///   the file's `file:` URL.
/// - People: a lone author with an e-mail is `<author>email (name)</author>` (RSS allows one `author`, and it
///   must be an address); otherwise every author is a `dc:creator`. An item never has both (the validator
///   warns on `author` beside `dc:creator`). The feed author is `managingEditor` when it has an e-mail.
/// - Only the first enclosure is written: the profile advises one per item. A missing length is `0` and a
///   missing type `application/octet-stream`, both attributes being required.
/// - `description` is the plain-text summary escaped as HTML, then as XML (readers render `description` as
///   HTML, so a summary reading `<script>` must reach them as text), and `content:encoded` the HTML after
///   it. An item with HTML but no summary carries the HTML in `description` alone (the profile: "on items
///   with no summary, the full content should be stored in description").
/// - The id is a `guid isPermaLink="false"`; the only date is `pubDate` (a `dc:date` beside it draws the
///   validator's "DuplicateSemantics" warning; the article's own date is in the Atom and JSON outputs).
/// - Plain text is written as the profile's "Character Data" section asks: `&`, `<`, `>` as `&#x26;`,
///   `&#x3C;`, `&#x3E;` (after the HTML escaping above, so `AT&T` is `AT&#x26;amp;T`).
/// - An `xml-stylesheet` instruction names `feed.xsl` (`FeedStylesheet`), so a browser shows a page; readers
///   ignore it.
/// - Titles are escaped as HTML too: RSS leaves open whether a title holds HTML, and readers that render
///   it as HTML are common. Such a reader shows `<b>` as written, and so does a reader that decodes
///   entities in plain-text titles (feedparser does); only a title holding `<`, `>` or `&` is affected.
public enum RSSWriter {
    static let atomNamespace = "http://www.w3.org/2005/Atom"
    static let contentNamespace = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"

    /// The document's bytes; `lastBuildDate` is the newest entry's `updated`, or `emptyFeedUpdated` with no entries.
    public static func write(feed: FeedDescription, entries: [Entry], emptyFeedUpdated: Date) -> [UInt8] {
        let feed = feed.publishable, entries = entries.map(\.publishable)
        let xml = XMLWriter()
        xml.startDocument()
        xml.processingInstruction("xml-stylesheet", WriterRules.stylesheetInstruction(feed.files))
        xml.startElement("rss")
        xml.attribute("version", "2.0")
        xml.declareNamespace(prefix: "atom", uri: atomNamespace)
        xml.declareNamespace(prefix: "content", uri: contentNamespace)
        xml.declareNamespace(prefix: "dc", uri: dublinCore)
        xml.startElement("channel")

        let selfURL = feed.location(of: feed.files.rss)
        plainText(xml, "title", feed.title)
        xml.element("link", text: feed.homeURL ?? selfURL ?? feed.files.rss)
        plainText(xml, "description", feed.subtitle ?? feed.title)
        xml.element("language", ifPresent: WriterRules.languageTag(feed.language))
        xml.element("generator", text: "\(feed.generator.name) \(feed.generator.version)")
        if let editor = mailbox(feed.author) {
            xml.element("managingEditor", text: editor)
        }
        xml.element("lastBuildDate", text: FeedDate.rfc822(WriterRules.feedUpdated(entries, empty: emptyFeedUpdated)))
        if let selfURL {
            xml.startElement("atom:link")
            xml.attribute("rel", "self")
            xml.attribute("type", "application/rss+xml")
            xml.attribute("href", selfURL)
            xml.endElement()
        }
        for hub in feed.hubs {
            xml.startElement("atom:link")
            xml.attribute("rel", "hub")
            xml.attribute("href", hub)
            xml.endElement()
        }
        for entry in entries {
            writeItem(xml, entry)
        }
        xml.endElement()
        xml.endElement()
        return xml.finish()
    }

    private static func writeItem(_ xml: borrowing XMLWriter, _ entry: Entry) {
        xml.startElement("item")
        plainText(xml, "title", entry.title)
        xml.element("link", ifPresent: entry.link)
        if let summary = entry.summary {
            plainText(xml, "description", summary)
            xml.element("content:encoded", ifPresent: entry.contentHTML)
        } else {
            xml.element("description", ifPresent: entry.contentHTML)
        }
        xml.element("guid", text: entry.id, attributes: ["isPermaLink": "false"])
        xml.element("pubDate", text: FeedDate.rfc822(entry.published))
        writePeople(xml, entry.authors)
        for category in entry.categories where !category.isEmpty {
            xml.element("category", text: category)
        }
        if let enclosure = entry.enclosures.first {
            xml.startElement("enclosure")
            xml.attribute("url", enclosure.url)
            xml.attribute("length", String(enclosure.length ?? 0))
            xml.attribute("type", enclosure.type ?? "application/octet-stream")
            xml.endElement()
        }
        if let source = entry.source, let feedURL = source.feedURL {
            xml.startElement("source")
            xml.attribute("url", feedURL)
            xml.textWithHexReferences(htmlText(source.title ?? feedURL))
            xml.endElement()
        }
        xml.endElement()
    }

    /// One `author` for a lone author with an address, else a `dc:creator` per author (name, else address).
    private static func writePeople(_ xml: borrowing XMLWriter, _ authors: [Author]) {
        if authors.count == 1, let address = mailbox(authors[0]) {
            xml.element("author", text: address)
            return
        }
        for author in authors {
            let name = author.name.flatMap { $0.isEmpty ? nil : $0 } ?? author.email
            xml.element("dc:creator", ifPresent: name)
        }
    }

    /// `<name>` holding plain text as RSS readers take it: escaped as HTML, then for XML with hexadecimal
    /// character references (`AT&T` is written `AT&#x26;amp;T`). Readers that render the element as HTML
    /// show the text as written; the profile's spelling keeps the W3C validator from taking it for HTML.
    private static func plainText(_ xml: borrowing XMLWriter, _ name: String, _ text: String) {
        xml.startElement(name)
        xml.textWithHexReferences(htmlText(text))
        xml.endElement()
    }

    /// Plain text as HTML: `&`, `<` and `>` escaped (the XML writer escapes the result once more).
    static func htmlText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            HTMLEscaper.append(bytes, quote: false, to: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// `email (name)` as RSS 2.0 writes people, or `nil` when there is no usable address.
    private static func mailbox(_ person: Author) -> String? {
        guard let email = person.email, WriterRules.isEmail(email) else { return nil }
        return person.name.map { "\(email) (\($0))" } ?? email
    }
}
