import CLibXML2

/// Streams UTF-8 XML through libxml2's SAX2 push parser into a `SAXHandler`, recovering from errors.
///
/// Options: RECOVER | NONET | NOERROR | NOWARNING | IGNORE_ENC (the input is UTF-8 already); never NOENT,
/// never HUGE, no DTD loading. No entity declared in a DTD is stored, so none is ever expanded (billion
/// laughs, XXE); the HTML 4 entities are supplied by `getEntity`.
public enum SAXPushParser {
    /// Parses `utf8` in chunks and returns what libxml2 reported (first error, counts).
    public static func parse(utf8 bytes: ArraySlice<UInt8>, handler: any SAXHandler, chunkSize: Int = 64 << 10) -> SAXOutcome {
        LibXML.prepareThread()
        let session = SAXSession(handler: handler)
        var sax = makeHandler()
        let userData = Unmanaged.passUnretained(session).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&sax, userData, nil, 0, nil) else {
            return SAXOutcome(firstError: SAXError(line: 0, column: 0, message: "cannot create a libxml2 parser"), errorCount: 1)
        }
        defer { xmlFreeParserCtxt(context) }
        let options = XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_IGNORE_ENC.rawValue
        _ = xmlCtxtUseOptions(context, Int32(options))
        _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
        session.context = context
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                var offset = 0
                while offset < chars.count {
                    let count = min(chunkSize, chars.count - offset)
                    _ = xmlParseChunk(context, chars.baseAddress! + offset, Int32(count), 0)
                    session.keepEntitiesFlowing()
                    offset += count
                }
                _ = xmlParseChunk(context, nil, 0, 1)
            }
        }
        return session.outcome
    }

    private static func makeHandler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { userData, localName, prefix, uri, namespaceCount, namespaces, attributeCount, _, attributes in
            SAXSession.from(userData).startElement(
                localName: localName, prefix: prefix, uri: uri, namespaceCount: Int(namespaceCount),
                namespaces: namespaces, attributeCount: Int(attributeCount), attributes: attributes)
        }
        sax.endElementNs = { userData, localName, prefix, uri in
            SAXSession.from(userData).endElement(localName: localName, prefix: prefix, uri: uri)
        }
        sax.characters = { userData, text, length in
            SAXSession.from(userData).characters(text, Int(length))
        }
        sax.cdataBlock = { userData, text, length in
            SAXSession.from(userData).characters(text, Int(length))
        }
        sax.getEntity = { userData, name in
            guard let name, let entity = EntitiesHTML.shared.entity(named: name) else { return nil }
            SAXSession.from(userData).outcome.htmlEntityReferences += 1
            return entity
        }
        sax.serror = { userData, error in
            guard let userData, let error else { return }
            SAXSession.from(userData).record(error.pointee)
        }
        return sax
    }
}
