import CLibXML2

/// Validates an XML document against a RELAX NG grammar with libxml2's validator.
public enum RelaxNGValidator {
    /// The validation errors, each as `line N: message`; `[]` when the document is valid.
    ///
    /// A grammar that cannot be loaded or a document that is not well-formed yields one error
    /// saying so. Schematron rules embedded in the grammar are ignored (libxml2 does not run them).
    public static func validate(_ document: [UInt8], schemaPath: String) -> [String] {
        LibXML.prepareThread()
        let collector = RelaxNGErrorCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        return withExtendedLifetime(collector) {
            guard let parserContext = xmlRelaxNGNewParserCtxt(schemaPath) else {
                return ["cannot read RELAX NG grammar \(schemaPath)"]
            }
            defer { xmlRelaxNGFreeParserCtxt(parserContext) }
            xmlRelaxNGSetParserStructuredErrors(parserContext, RelaxNGErrorCollector.callback, context)
            guard let schema = xmlRelaxNGParse(parserContext) else {
                return ["cannot compile RELAX NG grammar \(schemaPath)"] + collector.messages
            }
            defer { xmlRelaxNGFree(schema) }

            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
            let parsed = document.withUnsafeBufferPointer { bytes in
                bytes.baseAddress.flatMap { base in
                    base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        xmlReadMemory($0, Int32(bytes.count), "document.xml", nil, options)
                    }
                }
            }
            guard let parsed else {
                let reason = xmlGetLastError().flatMap { RelaxNGErrorCollector.describe($0) } ?? "empty document"
                return ["document is not well-formed XML: \(reason)"]
            }
            defer { xmlFreeDoc(parsed) }

            guard let validContext = xmlRelaxNGNewValidCtxt(schema) else { return ["xmlRelaxNGNewValidCtxt failed"] }
            defer { xmlRelaxNGFreeValidCtxt(validContext) }
            xmlRelaxNGSetValidStructuredErrors(validContext, RelaxNGErrorCollector.callback, context)
            let rc = xmlRelaxNGValidateDoc(validContext, parsed)
            if rc != 0 && collector.messages.isEmpty {
                return ["document does not match \(schemaPath) (libxml2 code \(rc))"]
            }
            return collector.messages
        }
    }
}

/// Gathers libxml2's structured errors during one validation.
private final class RelaxNGErrorCollector {
    var messages: [String] = []

    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<RelaxNGErrorCollector>.fromOpaque(context).takeUnretainedValue()
        collector.messages.append(describe(error))
    }

    static func describe(_ error: UnsafePointer<xmlError>) -> String {
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        let trimmed = message.hasSuffix("\n") ? String(message.dropLast()) : message
        return "line \(error.pointee.line): \(trimmed)"
    }
}
