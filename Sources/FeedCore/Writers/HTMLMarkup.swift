/// An HTML document being written into bytes: element and attribute names are literals of the writer
/// (`StaticString`, so no input can name one), every text and attribute value is escaped (`HTMLEscaper`,
/// which also drops characters XML forbids).
///
/// Void elements are closed with `/>` and only the five XML entities are used, so the output is also
/// well-formed XML (a polyglot document: the tests read it back with libxml2's XML parser).
struct HTMLMarkup {
    private(set) var bytes: [UInt8] = []

    /// Markup written as it is: a literal of the writer.
    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `<name a="v" …>`; attributes whose value is nil are left out.
    mutating func start(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) {
        bytes.append(UInt8(ascii: "<"))
        raw(name)
        appendAttributes(attributes)
        bytes.append(UInt8(ascii: ">"))
    }

    /// `</name>`, then a newline when `line` (between block elements, for whoever reads the source).
    mutating func end(_ name: StaticString, line: Bool = false) {
        raw("</")
        raw(name)
        bytes.append(UInt8(ascii: ">"))
        if line { newline() }
    }

    /// A void element: `<name a="v"/>`.
    mutating func void(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?>) {
        bytes.append(UInt8(ascii: "<"))
        raw(name)
        appendAttributes(attributes)
        raw("/>")
    }

    /// Escaped character data.
    mutating func text(_ content: String) {
        HTMLEscaper.append(content, quote: false, to: &bytes)
    }

    /// `<name …>text</name>`.
    mutating func element(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], text content: String) {
        start(name, attributes)
        text(content)
        end(name)
    }

    mutating func newline() {
        bytes.append(0x0A)
    }

    private mutating func appendAttributes(_ attributes: KeyValuePairs<StaticString, String?>) {
        for case let (name, value?) in attributes {
            bytes.append(UInt8(ascii: " "))
            raw(name)
            raw("=\"")
            HTMLEscaper.append(value, quote: true, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
