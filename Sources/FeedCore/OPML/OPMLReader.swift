import Foundation
import FeedXML

/// Reads the feeds of an OPML subscription list (OPML 1.0 and 2.0): every `outline` with an `xmlUrl`,
/// at any depth. A parent outline without `xmlUrl` is a folder: its text becomes the category of the feeds
/// inside it unless they carry their own.
public enum OPMLReader {
    /// The subscriptions of `bytes`, in document order; throws when the document is not OPML.
    public static func read(_ bytes: [UInt8]) throws(OPMLError) -> [Subscription] {
        let decoded = CharsetDecoder.decode(bytes, httpCharset: nil)
        let collector = OutlineCollector()
        let error = SAXPushParser.parse(utf8: decoded.utf8[decoded.start...], handler: collector).firstError
        guard collector.sawOPML else {
            throw OPMLError(message: error.map { "not an OPML document (\($0))" } ?? "not an OPML document (no <opml> root)")
        }
        return collector.subscriptions
    }
}

/// Why an OPML list could not be read.
public struct OPMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Collects outlines while the SAX parser walks the document.
private final class OutlineCollector: SAXHandler {
    var subscriptions: [Subscription] = []
    var sawOPML = false
    private var depth = 0
    /// Folder titles of the enclosing outlines (nil for an outline that is a feed).
    private var folders: [String?] = []

    func startElement(_ name: SAXName, attributes: [SAXAttribute], declaredNamespaces: [String]) {
        depth += 1
        if depth == 1 { sawOPML = name.localName.lowercased() == "opml" }
        guard sawOPML, name.localName.lowercased() == "outline" else { return }
        var values: [String: String] = [:]
        for attribute in attributes where attribute.name.namespaceURI == nil {
            values[attribute.name.localName.lowercased()] = attribute.value.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let text = values["title"].flatMap { $0.isEmpty ? nil : $0 } ?? values["text"] ?? ""
        guard let feedURL = values["xmlurl"], !feedURL.isEmpty else {
            folders.append(text.isEmpty ? nil : text)
            return
        }
        folders.append(nil)
        let category = values["category"].flatMap { $0.isEmpty ? nil : $0 } ?? folders.dropLast().compactMap { $0 }.last
        subscriptions.append(Subscription(
            title: text.isEmpty ? feedURL : text,
            feedURL: feedURL,
            siteURL: values["htmlurl"].flatMap { $0.isEmpty ? nil : $0 },
            type: values["type"].flatMap { $0.isEmpty ? nil : $0.lowercased() } ?? "rss",
            category: category
        ))
    }

    func endElement(_ name: SAXName) {
        depth -= 1
        if sawOPML, name.localName.lowercased() == "outline", !folders.isEmpty { folders.removeLast() }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}
