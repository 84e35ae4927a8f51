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
    /// Levels below its entry or feed (1: a direct child): deeper values lose (see `FieldRank`).
    let nesting: Int
    let base: String?
    let base64: Bool
    var guidIsPermaLink: Bool?
    private var bytes: [UInt8] = []
    private var sawChildElement = false
    private var wrapperDepth: Int?

    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    /// `buffer` is an empty array whose capacity is reused (see `takeBuffer`).
    init(
        slot: FieldSlot, target: CaptureTarget, key: ElementKey, kind: ContentKind, depth: Int, nesting: Int = 1,
        base: String?, base64: Bool, buffer: [UInt8] = []
    ) {
        self.bytes = buffer
        self.slot = slot
        self.target = target
        self.key = key
        self.kind = kind
        self.depth = depth
        self.nesting = nesting
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
        Self.appendEscaped(text, to: &bytes, quotes: false)
    }

    private static let lt = Array("&lt;".utf8), gt = Array("&gt;".utf8), amp = Array("&amp;".utf8), quot = Array("&quot;".utf8)

    /// Appends `text` with `<`, `>`, `&` (and `"` for attributes) escaped, copying the runs between them whole.
    private static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8], quotes: Bool) {
        var runStart = 0
        for index in 0..<text.count {
            let replacement: [UInt8]
            switch text[index] {
            case UInt8(ascii: "<"): replacement = lt
            case UInt8(ascii: ">"): replacement = gt
            case UInt8(ascii: "&"): replacement = amp
            case UInt8(ascii: "\"") where quotes: replacement = quot
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            bytes.append(contentsOf: replacement)
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
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
        let tag = name.lowercasedLocalName
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: tag.utf8)
        for attribute in attributes {
            bytes.append(UInt8(ascii: " "))
            if let prefix = attribute.name.prefix {
                bytes.append(contentsOf: prefix.utf8)
                bytes.append(UInt8(ascii: ":"))
            }
            bytes.append(contentsOf: attribute.name.localName.utf8)
            bytes.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
            var value = attribute.value
            value.withUTF8 { Self.appendEscaped($0, to: &bytes, quotes: true) }
            bytes.append(UInt8(ascii: "\""))
        }
        if Self.voidElements.contains(tag) {
            bytes.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: "/"), UInt8(ascii: ">")])
        } else {
            bytes.append(UInt8(ascii: ">"))
        }
    }

    mutating func closeChild(name: String, depth childDepth: Int) {
        if childDepth == wrapperDepth {
            wrapperDepth = nil
            return
        }
        if !Self.voidElements.contains(name) {
            bytes.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/")])
            bytes.append(contentsOf: name.utf8)
            bytes.append(UInt8(ascii: ">"))
        }
    }

    /// Hands the byte buffer over, emptied but with its capacity, for the next capture: growing a fresh
    /// array for every field cost allocations, copies and page faults on every entry.
    mutating func takeBuffer() -> [UInt8] {
        var buffer: [UInt8] = []
        swap(&buffer, &bytes)
        buffer.removeAll(keepingCapacity: true)
        return buffer
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
        if final == .text, sawChildElement || (key.vocabulary != .atom && key.vocabulary != .atom03 && ParsedPlainText.looksLikeHTML(text)) {
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
}
