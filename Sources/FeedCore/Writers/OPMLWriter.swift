import FeedXML
import Foundation

/// Writes an OPML 2.0 subscription list (opml.org/spec2.opml): the feed's own outputs, then every subscription.
///
/// The feed's own outputs (Atom, RSS, JSON Feed) come first, each `type="rss"` as OPML 2.0 asks for any feed
/// format. Their `xmlUrl` is the public URL under `baseURL`; without a base URL it is the bare file name, a
/// relative reference that resolves against wherever the OPML file itself is served.
public enum OPMLWriter {
    static let specificationURL = "http://opml.org/spec2.opml"

    /// The document's bytes; `dateCreated` (RFC 822) is written only when given.
    /// With `includeOwnOutputs` false, only the subscriptions are listed (a subscription file for `feedd import`).
    public static func write(
        feed: FeedDescription, subscriptions: [Subscription], dateCreated: Date?, includeOwnOutputs: Bool = true
    ) -> [UInt8] {
        let xml = XMLWriter()
        xml.startDocument()
        xml.startElement("opml")
        xml.attribute("version", "2.0")

        xml.startElement("head")
        xml.element("title", text: feed.title)
        xml.element("dateCreated", ifPresent: dateCreated.map(FeedDate.rfc822))
        xml.element("ownerName", ifPresent: feed.author.name)
        xml.element("ownerEmail", ifPresent: feed.author.email)
        xml.element("ownerId", ifPresent: feed.author.uri)
        xml.element("docs", text: specificationURL)
        xml.endElement()

        xml.startElement("body")
        for subscription in (includeOwnOutputs ? ownOutputs(of: feed) : []) + subscriptions {
            writeOutline(xml, subscription)
        }
        xml.endElement()
        xml.endElement()
        return xml.finish()
    }

    /// The feed's own Atom, RSS and JSON Feed outputs as subscriptions.
    static func ownOutputs(of feed: FeedDescription) -> [Subscription] {
        [(feed.files.atom, "Atom"), (feed.files.rss, "RSS"), (feed.files.json, "JSON Feed")].map { file, format in
            Subscription(
                title: "\(feed.title) (\(format))",
                feedURL: feed.publicURL(of: file) ?? file,
                siteURL: feed.siteURL,
                type: "rss"
            )
        }
    }

    private static func writeOutline(_ xml: borrowing XMLWriter, _ subscription: Subscription) {
        xml.startElement("outline")
        xml.attribute("text", subscription.title)
        xml.attribute("title", subscription.title)
        xml.attribute("type", subscription.type)
        xml.attribute("xmlUrl", subscription.feedURL)
        xml.attribute("htmlUrl", ifPresent: subscription.siteURL)
        xml.attribute("category", ifPresent: subscription.category)
        xml.endElement()
    }
}
