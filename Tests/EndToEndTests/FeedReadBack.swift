import Testing
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads entries back from a written Atom or RSS file (FoundationXML, over libxml2), for end-to-end checks.
struct ReadBackEntry: Equatable {
    var id: String
    var title: String
    var link: String?
    var published: String?
    var updated: String?
    var language: String?
    var content: String?
}

enum FeedReadBack {
    static func atom(_ bytes: [UInt8]) throws -> (root: String, entries: [ReadBackEntry]) {
        let doc = try XMLDocument(data: Data(bytes), options: [])
        let root = try #require(doc.rootElement())
        let entries = root.elements(forName: "entry").map { e in
            ReadBackEntry(
                id: text(e, "id") ?? "",
                title: text(e, "title") ?? "",
                link: e.elements(forName: "link").first { attribute($0, "rel") == "alternate" }.flatMap { attribute($0, "href") },
                published: text(e, "published"),
                updated: text(e, "updated"),
                language: e.attribute(forName: "xml:lang")?.stringValue ?? root.attribute(forName: "xml:lang")?.stringValue,
                content: text(e, "content")
            )
        }
        return (root.name ?? "", entries)
    }

    static func rss(_ bytes: [UInt8]) throws -> (root: String, entries: [ReadBackEntry]) {
        let doc = try XMLDocument(data: Data(bytes), options: [])
        let root = try #require(doc.rootElement())
        let channel = try #require(root.elements(forName: "channel").first)
        let entries = channel.elements(forName: "item").map { e in
            ReadBackEntry(
                id: text(e, "guid") ?? "", title: text(e, "title") ?? "", link: text(e, "link"),
                published: text(e, "pubDate"), updated: nil, language: nil, content: text(e, "content:encoded")
            )
        }
        return (root.name ?? "", entries)
    }

    private static func attribute(_ element: XMLElement, _ name: String) -> String? {
        (element.attributes ?? []).first { $0.name == name || $0.localName == name }?.stringValue
    }

    private static func text(_ element: XMLElement, _ name: String) -> String? {
        element.elements(forName: name).first?.stringValue
    }
}

