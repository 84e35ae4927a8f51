import FeedXML

/// The readable text of a parsed fragment: what a reader would see, without markup.
enum HTMLPlainText {
    /// Elements that start a new line when displayed; a space stands for it.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p",
        "pre", "section", "summary", "table", "td", "th", "tr", "ul",
    ]

    /// Text of `nodes` with elements dropped with content skipped and whitespace (NBSP too) collapsed.
    static func text(of nodes: [HTMLNode]) -> String {
        var raw = ""
        collect(nodes, into: &raw)
        return collapsingWhitespace(raw)
    }

    /// Whitespace runs (Unicode whitespace and C0 controls) as single spaces, ends trimmed. Scalar by
    /// scalar, and the Unicode property is looked up only for non-ASCII scalars: this runs over whole bodies.
    static func collapsingWhitespace(_ raw: String) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in raw.unicodeScalars {
            let value = scalar.value
            let isSpace = value < 0x21 || (value >= 0x80 && (value == 0xA0 || scalar.properties.isWhitespace))
            if isSpace {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(" ") }
                pendingSpace = false
                output.append(scalar)
            }
        }
        return String(output)
    }

    private static func collect(_ nodes: [HTMLNode], into raw: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                raw += text
            case .element(let name, _, let children):
                if name == "iframe" || HTMLAllowlist.droppedWithContent.contains(name) { continue }
                let isBlock = blockElements.contains(name)
                if isBlock { raw += " " }
                collect(children, into: &raw)
                if isBlock { raw += " " }
            }
        }
    }
}
