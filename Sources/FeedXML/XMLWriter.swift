import CLibXML2

/// Writes an indented UTF-8 XML document through libxml2's `xmlTextWriter` into a memory buffer.
///
/// Owns two C handles, so it is non-copyable and not `Sendable`: create it, write, and call
/// `finish()` inside one synchronous function. Text and attribute values are escaped by libxml2;
/// characters XML 1.0 forbids are dropped first (`XMLCharacters`), so the output always parses.
/// Element and attribute names are the caller's literals; writing out of order (ending an element
/// that is not open, an attribute after text) is a programming error and stops the process.
/// Qualified names are accepted as written (`"xml:lang"`, `"dc:date"`); declare their prefixes
/// once with `declareNamespace(prefix:uri:)` on the root.
public struct XMLWriter: ~Copyable {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    /// A writer into a fresh buffer; `indent` puts each element on its own line, two spaces per level.
    public init(indent: Bool = true) {
        LibXML.prepareThread()
        guard let buffer = xmlBufferCreate() else { fatalError("xmlBufferCreate: out of memory") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else { fatalError("xmlNewTextWriterMemory: out of memory") }
        self.buffer = buffer
        self.writer = writer
        if indent {
            check(xmlTextWriterSetIndent(writer, 1), "setIndent")
            check(XMLWriter.withXMLString("  ") { xmlTextWriterSetIndentString(writer, $0) }, "setIndentString")
        }
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// Writes the declaration `<?xml version="1.0" encoding="UTF-8"?>`.
    public func startDocument() {
        check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "startDocument")
    }

    /// Writes a processing instruction `<?target content?>` (before the root: right after `startDocument`).
    /// The content is the caller's: it must not hold `?>`.
    public func processingInstruction(_ target: String, _ content: String) {
        precondition(!content.contains("?>"), "XMLWriter: a processing instruction cannot hold ?>")
        let rc = XMLWriter.withXMLString(target) { target in
            XMLWriter.withXMLString(content) { xmlTextWriterWritePI(writer, target, $0) }
        }
        check(rc, "processingInstruction \(target)")
    }

    /// Opens an element; with a `namespaceURI` libxml2 also writes its `xmlns[:prefix]` declaration, after
    /// the attributes (use `declareNamespace` right after opening to put it first).
    public func startElement(_ name: String, prefix: String? = nil, namespaceURI: String? = nil) {
        let rc = XMLWriter.withXMLString(name) { name in
            if prefix == nil && namespaceURI == nil {
                return xmlTextWriterStartElement(writer, name)
            }
            return XMLWriter.withOptionalXMLString(prefix) { prefix in
                XMLWriter.withOptionalXMLString(namespaceURI) { uri in
                    xmlTextWriterStartElementNS(writer, prefix, name, uri)
                }
            }
        }
        check(rc, "startElement \(name)")
    }

    /// Declares a namespace on the element just opened (`xmlns` when `prefix` is nil, else `xmlns:prefix`).
    public func declareNamespace(prefix: String?, uri: String) {
        attribute(prefix.map { "xmlns:" + $0 } ?? "xmlns", uri)
    }

    /// Writes an attribute on the element just opened; the value is escaped.
    public func attribute(_ name: String, _ value: String) {
        let value = XMLCharacters.droppingInvalid(value)
        let rc = XMLWriter.withXMLString(name) { name in
            XMLWriter.withXMLString(value) { xmlTextWriterWriteAttribute(writer, name, $0) }
        }
        check(rc, "attribute \(name)")
    }

    /// Writes the attribute when there is a value, nothing otherwise.
    public func attribute(_ name: String, ifPresent value: String?) {
        if let value { attribute(name, value) }
    }

    /// Writes escaped character data inside the open element.
    public func text(_ content: String) {
        let content = XMLCharacters.droppingInvalid(content)
        check(XMLWriter.withXMLString(content) { xmlTextWriterWriteString(writer, $0) }, "text")
    }

    /// Writes character data inside the open element with `&`, `<` and `>` as hexadecimal character references
    /// (`&#x26;`, `&#x3C;`, `&#x3E;`): the same characters to an XML parser, the spelling the RSS Best
    /// Practices Profile asks for in plain text (and the W3C validator reads as plain text).
    public func textWithHexReferences(_ content: String) {
        let content = XMLCharacters.droppingInvalid(content)
        guard content.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else {
            text(content)
            return
        }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(content.utf8.count + 32)
        for byte in content.utf8 {
            switch byte {
            case 0x26: escaped += Array("&#x26;".utf8)
            case 0x3C: escaped += Array("&#x3C;".utf8)
            case 0x3E: escaped += Array("&#x3E;".utf8)
            default: escaped.append(byte)
            }
        }
        let raw = String(decoding: escaped, as: UTF8.self)
        check(XMLWriter.withXMLString(raw) { xmlTextWriterWriteRaw(writer, $0) }, "raw text")
    }

    /// Writes `<name>text</name>`, with optional attributes in the order given.
    public func element(_ name: String, text content: String, attributes: KeyValuePairs<String, String> = [:]) {
        startElement(name)
        for (key, value) in attributes { attribute(key, value) }
        text(content)
        endElement()
    }

    /// Writes `<name>text</name>` when there is a text, nothing otherwise.
    public func element(_ name: String, ifPresent content: String?) {
        if let content { element(name, text: content) }
    }

    /// Closes the innermost open element (`<a/>` when it has no content).
    public func endElement() {
        check(xmlTextWriterEndElement(writer), "endElement")
    }

    /// Closes every open element and returns the document's bytes (ending with a newline).
    public consuming func finish() -> [UInt8] {
        check(xmlTextWriterEndDocument(writer), "endDocument")
        xmlFreeTextWriter(writer)  // flushes into the buffer
        let bytes: [UInt8]
        if let content = xmlBufferContent(buffer) {
            bytes = Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
        } else {
            bytes = []
        }
        xmlBufferFree(buffer)
        discard self
        return bytes
    }

    private func check(_ rc: Int32, _ operation: @autoclosure () -> String) {
        precondition(rc >= 0, "XMLWriter: xmlTextWriter failed at \(operation()) (misplaced call)")
    }

    private static func withXMLString<R>(_ string: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        string.withCString { chars in
            chars.withMemoryRebound(to: xmlChar.self, capacity: string.utf8.count + 1, body)
        }
    }

    private static func withOptionalXMLString<R>(_ string: String?, _ body: (UnsafePointer<xmlChar>?) -> R) -> R {
        guard let string else { return body(nil) }
        return withXMLString(string) { body($0) }
    }
}
