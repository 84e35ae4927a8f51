import FeedXML
import Foundation

/// The attributes of a start tag, looked up by lowercased local name.
struct AttributeList {
    private let attributes: [SAXAttribute]

    init(_ attributes: [SAXAttribute]) {
        self.attributes = attributes
    }

    /// The value of an un-namespaced attribute, matched case-insensitively (`isPermaLink`, `fileSize`).
    subscript(_ name: String) -> String? {
        attributes.first { $0.name.namespaceURI == nil && $0.name.lowercasedLocalName == name }?.value
    }

    /// The value of a namespaced attribute (`rdf:about`).
    subscript(namespace uri: String, _ name: String) -> String? {
        attributes.first { $0.name.namespaceURI == uri && $0.name.localName == name }?.value
    }
}

/// An Atom `link` element (RFC 4287 §4.2.7): `rel` defaults to `alternate`, `href` resolved against xml:base.
struct AtomLink {
    var rel: String
    var href: String?
    var type: String?
    var length: Int64?

    init(_ attributes: AttributeList, base: String?) {
        rel = attributes["rel"]?.trimmingWhitespace().lowercased() ?? "alternate"
        if rel.isEmpty || rel == "http://www.iana.org/assignments/relation/alternate" { rel = "alternate" }
        href = attributes["href"].map { URLResolver.resolve($0, against: base) }.flatMap { $0.isEmpty ? nil : $0 }
        type = attributes["type"]
        length = attributes["length"].flatMap { Int64($0.trimmingWhitespace()) }
    }

    /// An alternate link to a web page, the only kind feedparser takes as the `link` (its type, when
    /// given, is HTML or XHTML).
    var isAlternatePage: Bool {
        guard rel == "alternate" else { return false }
        guard let type = type?.trimmingWhitespace().lowercased(), !type.isEmpty else { return true }
        return ["text/html", "application/xhtml+xml", "html", "xhtml"].contains(type)
    }
}

/// Reads Atom `type` (RFC 4287 §3.1.1: text, html, xhtml or a MIME type) and Atom 0.3 `mode`.
enum AtomContentType {
    static func kind(type: String?, mode: String?, default fallback: ContentKind) -> ContentKind {
        if mode?.lowercased() == "xml" { return .xhtml }
        guard let type = type?.trimmingWhitespace().lowercased(), !type.isEmpty else {
            return mode?.lowercased() == "escaped" ? .html : fallback
        }
        switch type {
        case "text", "text/plain": return .text
        case "html", "text/html": return .html
        case "xhtml", "application/xhtml+xml": return .xhtml
        default: return type.containsBytes("html") ? .html : .text
        }
    }
}
