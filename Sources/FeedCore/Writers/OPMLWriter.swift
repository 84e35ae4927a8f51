import FeedXML
import Foundation

/// Writes an OPML 2.0 subscription list (opml.org/spec2.opml): the feed's own outputs, then every subscription.
///
/// The feed's own outputs (Atom, RSS, JSON Feed) come first, each `type="rss"` as OPML 2.0 asks for any feed
/// format, when their public URL under `baseURL` is known. In the published list every URL passes
/// `PublishableURL`: a source without a public http(s) URL (a local file) is left out, since no reader
/// could follow it, and a feed URL already listed (a source that moved to the URL of another) is listed once.
/// A subscriptions file (`includeOwnOutputs` false) is written as given.
///
/// The optional `<docs>` is not written: the W3C validator does not know it and rejects the file for it.
public enum OPMLWriter {
    /// The document's bytes; `dateCreated` (RFC 822) is written only when given.
    /// With `includeOwnOutputs` false, only the subscriptions are listed (a subscription file for `feedd import`).
    public static func write(
        feed: FeedDescription, subscriptions: [Subscription], dateCreated: Date?, includeOwnOutputs: Bool = true
    ) -> [UInt8] {
        let published = includeOwnOutputs
        let feed = published ? feed.publishable : feed
        let subscriptions = published ? distinct(subscriptions.compactMap(\.publishable)) : subscriptions
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
        xml.endElement()

        xml.startElement("body")
        let outlines = published ? distinct(ownOutputs(of: feed) + subscriptions) : subscriptions
        for subscription in outlines {
            writeOutline(xml, subscription)
        }
        if outlines.isEmpty {
            // OPML 2.0 asks for at least one outline: a plain one that says what is missing.
            xml.startElement("outline")
            xml.attribute("text", "\(feed.title): no public feed URL yet (set feed.base_url)")
            xml.endElement()
        }
        xml.endElement()
        xml.endElement()
        return xml.finish()
    }

    /// The first outline of each feed URL (compared as published: percent-encoding and scheme case settled).
    static func distinct(_ subscriptions: [Subscription]) -> [Subscription] {
        var seen = Set<String>()
        return subscriptions.filter { seen.insert($0.feedURL).inserted }
    }

    /// The feed's own Atom, RSS and JSON Feed outputs as subscriptions, then each topic's.
    static func ownOutputs(of feed: FeedDescription) -> [Subscription] {
        feedOutputs(of: feed) + feed.topics.flatMap { feedOutputs(of: feed.describing($0)) }
    }

    private static func feedOutputs(of feed: FeedDescription) -> [Subscription] {
        [(feed.files.atom, "Atom"), (feed.files.rss, "RSS"), (feed.files.json, "JSON Feed")].compactMap { file, format in
            guard let url = PublishableURL.make(feed.publicURL(of: file)) else { return nil }
            return Subscription(
                title: "\(feed.title) (\(format))",
                feedURL: url,
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
