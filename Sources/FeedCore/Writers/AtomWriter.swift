import FeedXML
import Foundation

/// Writes an Atom 1.0 feed document (RFC 4287) from the feed's description and its entries, in the order given.
///
/// Choices beyond the RFC:
/// - The feed author is always written (its name falls back to the feed title), so no entry needs its own
///   (RFC 4287 §4.1.1: a feed without author must give every entry one).
/// - Every entry with a known language carries its own `xml:lang` (readers that look at entries alone see it).
/// - An entry with neither a link nor HTML content gets a text `content` (its summary, or empty), since
///   RFC 4287 §4.1.1 asks for an alternate link or a content element.
/// - The original publication date is `dc:date` (Dublin Core, declared once on the root).
/// - Plain text holding `<` or `&` is written escaped as HTML in `type="html"` (same text to readers; no
///   "undeclared HTML" warning).
/// - Values the grammar would reject (a malformed language tag, an e-mail without `@`) are left out.
/// - The `self` link is the public URL under `base_url`, else the file's `file:` URL (the W3C validator asks
///   for a self link; only the second is honest without a public URL).
/// - An `xml-stylesheet` instruction names `feed.xsl` (`FeedStylesheet`), so a browser shows a page; readers
///   ignore it.
/// - `atom:source` always has `updated` (RFC 4287 §4.2.11 asks for it): the source feed's, else the entry's
///   own (the source held the entry, so it was updated no earlier).
public enum AtomWriter {
    static let namespace = "http://www.w3.org/2005/Atom"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"

    /// The document's bytes; `updated` is the newest entry's `updated`, or `emptyFeedUpdated` with no entries.
    public static func write(feed: FeedDescription, entries: [Entry], emptyFeedUpdated: Date) -> [UInt8] {
        let feed = feed.publishable, entries = entries.map(\.publishable)
        let xml = XMLWriter()
        xml.startDocument()
        xml.processingInstruction("xml-stylesheet", WriterRules.stylesheetInstruction(feed.files))
        xml.startElement("feed")
        xml.declareNamespace(prefix: nil, uri: namespace)
        xml.declareNamespace(prefix: "dc", uri: dublinCore)
        let feedLanguage = WriterRules.languageTag(feed.language)
        xml.attribute("xml:lang", ifPresent: feedLanguage)

        xml.element("id", text: feed.id)
        writeText(xml, "title", feed.title)
        if let subtitle = feed.subtitle {
            writeText(xml, "subtitle", subtitle)
        }
        xml.element("updated", text: FeedDate.rfc3339(WriterRules.feedUpdated(entries, empty: emptyFeedUpdated)))
        writePerson(xml, feed.author, fallbackName: feed.title)
        writeGenerator(xml, feed.generator)
        if let selfURL = feed.location(of: feed.files.atom) {
            writeLink(xml, rel: "self", href: selfURL, type: "application/atom+xml")
        }
        for hub in feed.hubs {
            writeLink(xml, rel: "hub", href: hub)
        }
        if let siteURL = feed.siteURL {
            writeLink(xml, rel: "alternate", href: siteURL, type: "text/html")
        }
        for entry in entries {
            writeEntry(xml, entry, feedLanguage: feedLanguage)
        }
        xml.endElement()
        return xml.finish()
    }

    private static func writeEntry(_ xml: borrowing XMLWriter, _ entry: Entry, feedLanguage: String?) {
        xml.startElement("entry")
        xml.attribute("xml:lang", ifPresent: WriterRules.languageTag(entry.language) ?? feedLanguage)
        xml.element("id", text: entry.id)
        writeText(xml, "title", entry.title)
        xml.element("published", text: FeedDate.rfc3339(entry.published))
        xml.element("updated", text: FeedDate.rfc3339(entry.updated))
        if let link = entry.link {
            writeLink(xml, rel: "alternate", href: link)
        }
        for enclosure in entry.enclosures {
            writeLink(xml, rel: "enclosure", href: enclosure.url, type: enclosure.type, length: enclosure.length)
        }
        if let summary = entry.summary {
            writeText(xml, "summary", summary)
        }
        if let html = entry.contentHTML {
            xml.element("content", text: html, attributes: ["type": "html"])
        } else if entry.link == nil {
            writeText(xml, "content", entry.summary ?? "")
        }
        for author in entry.authors {
            writePerson(xml, author, fallbackName: nil)
        }
        for category in entry.categories where !category.isEmpty {
            xml.startElement("category")
            xml.attribute("term", category)
            xml.endElement()
        }
        if let source = entry.source {
            writeSource(xml, source, entryUpdated: entry.updated)
        }
        if let originalDate = entry.originalDate {
            xml.element("dc:date", text: FeedDate.rfc3339(originalDate))
        }
        xml.endElement()
    }

    /// `atom:source` (RFC 4287 §4.2.11): the feed an entry was copied from.
    private static func writeSource(_ xml: borrowing XMLWriter, _ source: SourceFeed, entryUpdated: Date) {
        xml.startElement("source")
        xml.element("id", ifPresent: source.id)
        if let title = source.title {
            writeText(xml, "title", title)
        }
        xml.element("updated", text: FeedDate.rfc3339(source.updated ?? entryUpdated))
        if let link = source.link {
            writeLink(xml, rel: "alternate", href: link)
        }
        if let feedURL = source.feedURL {
            writeLink(xml, rel: "self", href: feedURL)
        }
        xml.endElement()
    }

    /// A plain-text construct (RFC 4287 §3.1): `type="text"`, or, when the text holds `<` or `&`, the same
    /// text escaped as HTML in `type="html"`. Readers show the same characters either way; the W3C validator
    /// takes markup-like plain text for undeclared HTML.
    private static func writeText(_ xml: borrowing XMLWriter, _ name: String, _ text: String) {
        if text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C }) {
            xml.element(name, text: RSSWriter.htmlText(text), attributes: ["type": "html"])
        } else {
            xml.element(name, text: text, attributes: ["type": "text"])
        }
    }

    /// A person construct (RFC 4287 §3.2); skipped when it has no name and no fallback.
    private static func writePerson(_ xml: borrowing XMLWriter, _ person: Author, fallbackName: String?) {
        guard let name = person.name ?? fallbackName else { return }
        xml.startElement("author")
        xml.element("name", text: name)
        xml.element("uri", ifPresent: person.uri)
        if let email = person.email, WriterRules.isEmail(email) {
            xml.element("email", text: email)
        }
        xml.endElement()
    }

    private static func writeGenerator(_ xml: borrowing XMLWriter, _ generator: Generator) {
        xml.startElement("generator")
        xml.attribute("uri", ifPresent: generator.uri)
        xml.attribute("version", generator.version)
        xml.text(generator.name)
        xml.endElement()
    }

    private static func writeLink(
        _ xml: borrowing XMLWriter, rel: String, href: String, type: String? = nil, length: Int64? = nil
    ) {
        xml.startElement("link")
        xml.attribute("rel", rel)
        xml.attribute("type", ifPresent: type)
        xml.attribute("length", ifPresent: length.map(String.init))
        xml.attribute("href", href)
        xml.endElement()
    }
}
