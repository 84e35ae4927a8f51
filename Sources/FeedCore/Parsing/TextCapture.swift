import FeedXML
import Foundation

/// Where a captured text goes.
enum CaptureTarget {
    case feed, entry, person, source, rssSource
}

/// The text of one mapped element, accumulated as UTF-8; child elements are written back as markup
/// (raw HTML in `description`, Atom xhtml), as feedparser does, minus the xhtml wrapper `div`.
struct TextCapture {
    let slot: FieldSlot
    let target: CaptureTarget
    let key: ElementKey
    let kind: ContentKind
    /// Stack depth of the captured element itself.
    let depth: Int
    let base: String?
    let base64: Bool
    var guidIsPermaLink: Bool?
    private var bytes: [UInt8] = []
    private var sawChildElement = false
    private var wrapperDepth: Int?

    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    init(slot: FieldSlot, target: CaptureTarget, key: ElementKey, kind: ContentKind, depth: Int, base: String?, base64: Bool) {
        self.slot = slot
        self.target = target
        self.key = key
        self.kind = kind
        self.depth = depth
        self.base = base
        self.base64 = base64
    }

    /// Text at the captured element's own level is taken as is (escaped HTML arrives unescaped);
    /// text inside child markup or xhtml is escaped again so the result stays HTML.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>, depth current: Int) {
        let escape = kind == .xhtml || current > (wrapperDepth ?? depth)
        guard escape else {
            bytes.append(contentsOf: text)
            return
        }
        for byte in text {
            switch byte {
            case UInt8(ascii: "<"): bytes.append(contentsOf: Array("&lt;".utf8))
            case UInt8(ascii: ">"): bytes.append(contentsOf: Array("&gt;".utf8))
            case UInt8(ascii: "&"): bytes.append(contentsOf: Array("&amp;".utf8))
            default: bytes.append(byte)
            }
        }
    }

    mutating func openChild(name: SAXName, attributes: [SAXAttribute], isXHTMLDiv: Bool, depth childDepth: Int) {
        if kind == .xhtml, isXHTMLDiv, childDepth == depth + 1, !sawChildElement,
           bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) {
            wrapperDepth = childDepth
            sawChildElement = true
            bytes.removeAll()
            return
        }
        sawChildElement = true
        let tag = name.localName.lowercased()
        var markup = "<" + tag
        for attribute in attributes {
            let attributeName = attribute.name.prefix.map { $0 + ":" + attribute.name.localName } ?? attribute.name.localName
            markup += " " + attributeName + "=\"" + Self.escapeAttribute(attribute.value) + "\""
        }
        markup += Self.voidElements.contains(tag) ? " />" : ">"
        bytes.append(contentsOf: Array(markup.utf8))
    }

    mutating func closeChild(name: String, depth childDepth: Int) {
        if childDepth == wrapperDepth {
            wrapperDepth = nil
            return
        }
        if !Self.voidElements.contains(name) { bytes.append(contentsOf: Array("</\(name)>".utf8)) }
    }

    /// The captured text, trimmed (feedparser strips every value), base64-decoded for Atom 0.3 `mode="base64"`.
    func value() -> String {
        let text = Self.trimmedString(bytes)
        if base64, let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) {
            return String(decoding: data, as: UTF8.self)
        }
        return text
    }

    /// The value as a text construct: xhtml is delivered as HTML, and text that carries markup (child
    /// elements, or an RSS title that looks like HTML, as feedparser judges it) becomes HTML.
    func content(_ text: String) -> ParsedContent {
        var final = kind == .xhtml ? .html : kind
        if final == .text, sawChildElement || (key.vocabulary != .atom && key.vocabulary != .atom03 && PlainText.looksLikeHTML(text)) {
            final = .html
        }
        return ParsedContent(value: text, kind: final, baseURL: base)
    }

    /// The bytes as a string without leading or trailing whitespace (ASCII and no-break space), trimmed on the
    /// bytes: Foundation's `trimmingCharacters` walks UTF-16 and dominated the profile.
    static func trimmedString(_ bytes: [UInt8]) -> String {
        var start = 0, end = bytes.count
        while start < end {
            if bytes[start] == 32 || (9...13).contains(bytes[start]) { start += 1 }
            else if bytes[start] == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 { start += 2 }
            else { break }
        }
        while end > start {
            if bytes[end - 1] == 32 || (9...13).contains(bytes[end - 1]) { end -= 1 }
            else if end - 2 >= start, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 { end -= 2 }
            else { break }
        }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    private static func escapeAttribute(_ value: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "<": escaped += "&lt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
