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

    /// `collapsingWhitespace` over UTF-8 bytes: runs of other characters are copied whole.
    static func collapsingWhitespace(_ raw: [UInt8]) -> String {
        let collapsed = raw.withUnsafeBufferPointer { bytes -> [UInt8]? in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var pendingSpace = false
            var runStart = 0  // the start of the run of non-space characters being read
            var index = 0
            let count = bytes.count
            while index < count {
                // Eight printable ASCII bytes at a time are all part of a run.
                if index + 8 <= count {
                    let word = ByteWord(bytes, at: index)
                    if !word.hasNonASCII, !word.hasByte(below: 0x21) {
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                let length: Int
                let space: Bool
                if byte < 0x80 {
                    length = 1
                    space = byte < 0x21
                } else {
                    guard let scalar = UTF8Scalar.decode(bytes, at: index) else { return nil }
                    length = scalar.length
                    space = isSpace(scalar.value)
                }
                if space {
                    if runStart < index {
                        if pendingSpace { output.append(UInt8(ascii: " ")) }
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    }
                    pendingSpace = !output.isEmpty
                    runStart = index + length
                }
                index += length
            }
            if runStart < count {
                if pendingSpace { output.append(UInt8(ascii: " ")) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
            }
            return output
        }
        // Not UTF-8 (never from libxml2 or a String): repaired first, as a String would be.
        guard let collapsed else { return collapsingWhitespace(String(decoding: raw, as: UTF8.self)) }
        return String(decoding: collapsed, as: UTF8.self)
    }

    /// A C0 control, a space, or Unicode whitespace (NBSP included).
    @inline(__always)
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        isSpace(scalar.value)
    }

    /// `isSpace` for a scalar value. Only U+0085, U+00A0, U+1680, U+2000–U+205F and U+3000 can be
    /// White_Space beyond ASCII (Unicode PropList.txt): the property table is read for those alone.
    @inline(__always)
    private static func isSpace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value < 0x21 }
        if value < 0x1680 { return value == 0x85 || value == 0xA0 }
        guard value == 0x1680 || (0x2000...0x205F).contains(value) || value == 0x3000 else { return false }
        return Unicode.Scalar(value)?.properties.isWhitespace ?? false
    }
}
