import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Parses an HTML fragment (an entry's content, a title) with libxml2's HTML parser into `HTMLNode`s.
///
/// The parser never fails: libxml2 recovers from any input. The result is bounded: elements nested
/// deeper than `maxDepth` are flattened into their text.
public enum HTMLFragmentParser {
    /// Nesting depth kept as elements (and the most `parse(_:maxDepth:)` allows, which keeps the
    /// recursive walks over the tree shallow); deeper content survives as text only.
    public static let defaultMaxDepth = 256

    /// Parses `html` as the content of a `<body>`.
    public static func parse(_ html: String) -> [HTMLNode] {
        parse(html, maxDepth: defaultMaxDepth)
    }

    /// Parses `html` as the content of a `<body>`, flattening elements nested deeper than `maxDepth`
    /// (clamped to `1...defaultMaxDepth`).
    ///
    /// The fragment is read after a `<body>` start tag so that leading text is not wrapped in an
    /// implied `<p>`; `html`, `head` and `body` elements are replaced by their children. NUL
    /// characters are removed first (libxml2 stops reading at one). Callers bound the input size
    /// (past 2 GiB only the start is read).
    public static func parse(_ html: String, maxDepth: Int) -> [HTMLNode] {
        let depth = min(max(1, maxDepth), defaultMaxDepth)
        return withDocument(html) { document in
            HTMLTreeBuilder(maxDepth: depth).nodes(from: document.pointee.children, depth: 0)
        } ?? []
    }

    /// Parses `html` as `parse(_:maxDepth:)` does and reports that tree to `visitor` as events, with no
    /// tree built (the fast way to sanitise or to take the text).
    public static func walk<Visitor: HTMLFragmentVisitor>(
        _ html: String, maxDepth: Int = defaultMaxDepth, into visitor: inout Visitor
    ) {
        var walker = HTMLDocumentWalker(maxDepth: min(max(1, maxDepth), defaultMaxDepth))
        withDocument(html) { document in
            walker.walk(from: document.pointee.children, depth: 0, into: &visitor)
        }
    }

    /// Runs `body` on the libxml2 document of `html` read after a `<body>` start tag; nil if libxml2 gives none.
    private static func withDocument<Result>(_ html: String, _ body: (htmlDocPtr) -> Result) -> Result? {
        var bytes = Array("<body>".utf8)
        bytes.reserveCapacity(html.utf8.count + 6)
        // NULs end a C string early; they are dropped (the common case, none, is a plain copy).
        var html = html
        html.withUTF8 { utf8 in
            if let start = utf8.baseAddress, memchr(start, 0, utf8.count) != nil {
                bytes.append(contentsOf: utf8.lazy.filter { $0 != 0 })
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
        LibXML.prepareThread()
        let options = Int32(
            HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NODEFDTD.rawValue
                | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue
        )
        // XML_PARSE_HUGE lifts libxml2's depth limit of 256, past which it silently stops reading;
        // depth is bounded here instead, without losing the text.
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                htmlReadMemory($0.baseAddress, Int32(clamping: $0.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        return body(document)
    }

    /// Whether libxml2's HTML parser ends an open `openElement` when a `newElement` start tag comes.
    ///
    /// (`<p>` is ended by `<ul>`, `<li>` by `<li>`.) A sanitiser that unwraps elements uses it to
    /// write a tree that parses back to itself. The answer comes from parsing `<openElement><newElement>`
    /// (libxml2's own rules, special cases included), cached per pair.
    public static func startTag(_ newElement: String, closes openElement: String) -> Bool {
        HTMLNestingProbe.shared.startTag(newElement, closes: openElement)
    }
}
