import FeedXML

/// The readable text of a parsed fragment: what a reader would see, without markup.
///
/// Text of elements the sanitiser drops with their content (and of iframes) is skipped; a block
/// element stands for a line break, written as a space before and after its content.
struct HTMLPlainText: HTMLFragmentVisitor {
    /// Elements that start a new line when displayed; a space stands for it.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p",
        "pre", "section", "summary", "table", "td", "th", "tr", "ul",
    ]

    private var raw: [UInt8] = []
    /// One entry per element entered and not yet exited: whether it is a block.
    private var blocks: [Bool] = []

    /// Text of `nodes` with elements dropped with content skipped and whitespace (NBSP too) collapsed.
    static func text(of nodes: [HTMLNode]) -> String {
        var collector = HTMLPlainText()
        HTMLNode.walk(nodes, into: &collector)
        return collector.text
    }

    /// Text of the fragment `html` (parsed as `HTMLFragmentParser.parse` does), collapsed.
    static func text(ofFragment html: String) -> String {
        var collector = HTMLPlainText()
        collector.raw.reserveCapacity(html.utf8.count)
        HTMLFragmentParser.walk(html, into: &collector)
        return collector.text
    }

    private var text: String {
        Self.collapsingWhitespace(raw)
    }

    mutating func enterElement(_ element: HTMLElementView) -> Bool {
        let rule = ElementRule.table[element.name]
        if let rule, rule.action == .drop || rule.action == .iframe {
            blocks.append(false)
            return false
        }
        let isBlock = rule?.isBlock ?? false
        if isBlock { raw.append(UInt8(ascii: " ")) }
        blocks.append(isBlock)
        return true
    }

    mutating func exitElement() {
        if blocks.removeLast() { raw.append(UInt8(ascii: " ")) }
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        raw.append(contentsOf: bytes)
    }

    mutating func textNodeBoundary() {}

    /// Whitespace runs (Unicode whitespace and C0 controls) as single spaces, ends trimmed. Scalar by
    /// scalar, and the Unicode property is looked up only for non-ASCII scalars: this runs over whole bodies.
    static func collapsingWhitespace(_ raw: String) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in raw.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(" ") }
                pendingSpace = false
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// `collapsingWhitespace` over UTF-8 bytes, copying runs of ASCII non-space bytes whole.
    static func collapsingWhitespace(_ raw: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var pendingSpace = false
        var index = 0
        let count = raw.count
        while index < count {
            let byte = raw[index]
            var length = 1
            let space: Bool
            if byte < 0x80 {
                space = byte < 0x21
            } else {
                var decoder = UTF8()
                var iterator = raw[index...].makeIterator()
                guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
                    return collapsingWhitespace(String(decoding: raw, as: UTF8.self))  // not UTF-8: repaired first
                }
                length = UTF8.width(scalar)
                space = isSpace(scalar)
            }
            if space {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(UInt8(ascii: " ")) }
                pendingSpace = false
                output.append(contentsOf: raw[index..<index + length])
            }
            index += length
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x21 || (value >= 0x80 && (value == 0xA0 || scalar.properties.isWhitespace))
    }
}
