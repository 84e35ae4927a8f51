import FeedXML

/// The feeds a web page advertises: `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json"
/// href=…>` (and the `application/rdf+xml` and `application/json` spellings seen in the wild), resolved
/// against the page's `<base href>` and URL, in page order, each once; only http(s) URLs.
public enum FeedLinkFinder {
    public struct Link: Sendable, Hashable {
        public var url: String
        /// The link's `title` attribute, when given.
        public var title: String?
        /// The declared media type, lowercased, without parameters.
        public var type: String
    }

    /// Declared types taken as feeds.
    public static let feedTypes: Set<String> = [
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml",
        "application/json", "application/x.atom+xml", "application/x-atom+xml", "text/xml",
    ]

    /// Only the start of a page is read: the links live in its head.
    public static let maxPageBytes = 2 << 20

    public static func links(inPage page: [UInt8], pageURL: String) -> [Link] {
        let html = String(decoding: page.prefix(maxPageBytes), as: UTF8.self)
        var collector = Collector()
        HTMLFragmentParser.walk(html, into: &collector)
        let base = collector.base.map { URLResolver.resolve($0, against: pageURL) } ?? pageURL
        var seen: Set<String> = []
        return collector.candidates.compactMap { candidate in
            guard let url = PublishableURL.make(URLResolver.resolve(candidate.href, against: base)), seen.insert(url).inserted else {
                return nil
            }
            return Link(url: url, title: candidate.title, type: candidate.type)
        }
    }

    /// Collects `<base href>` (the first) and the feed `<link>`s.
    private struct Collector: HTMLFragmentVisitor {
        var base: String?
        var candidates: [(href: String, title: String?, type: String)] = []

        mutating func enterElement(_ element: HTMLElementView) -> Bool {
            let name = String(decoding: element.name, as: UTF8.self)
            guard name == "link" || name == "base" else { return true }
            var attributes: [String: String] = [:]
            for attribute in element.attributes {
                let key = String(decoding: attribute.name, as: UTF8.self).lowercased()
                if attributes[key] == nil { attributes[key] = String(decoding: attribute.value, as: UTF8.self) }
            }
            if name == "base" {
                if base == nil, let href = attributes["href"], !href.isEmpty { base = href }
                return false
            }
            let rels = (attributes["rel"] ?? "").lowercased().split(whereSeparator: \.isWhitespace)
            let type = (attributes["type"] ?? "").split(separator: ";").first.map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            } ?? ""
            if rels.contains("alternate"), FeedLinkFinder.feedTypes.contains(type), let href = attributes["href"], !href.isEmpty {
                let title = attributes["title"].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                candidates.append((href, title?.isEmpty == false ? title : nil, type))
            }
            return false
        }

        mutating func exitElement() {}
        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
        mutating func textNodeBoundary() {}
    }
}
