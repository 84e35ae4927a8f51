import CLibXML2

/// Streams UTF-8 XML through libxml2's SAX2 push parser into a `SAXHandler`, recovering from errors.
///
/// Options: RECOVER | NONET | NOERROR | NOWARNING | IGNORE_ENC (the input is UTF-8 already); never NOENT,
/// never HUGE, no DTD loading. Only the internal general entities of the document's own DTD subset are
/// stored, expanded by `DocumentEntities` within its bounds (billion laughs stays small); external ones
/// are never loaded (XXE). The HTML 4 entities are supplied by `getEntity` too.
///
/// One parser reads one document: `push` its bytes piece by piece (any cut, even inside a character),
/// then `finish`. It lives on the thread that made it, inside one synchronous call chain.
public final class SAXPushParser {
    private let session: SAXSession
    private let context: xmlParserCtxtPtr?
    private var finished = false

    /// A parser that reports to `handler`.
    public init(handler: any SAXHandler) {
        LibXML.prepareThread()
        session = SAXSession(handler: handler)
        var sax = Self.makeHandler()
        let userData = Unmanaged.passUnretained(session).toOpaque()
        context = xmlCreatePushParserCtxt(&sax, userData, nil, 0, nil)
        guard let context else { return }
        let options = XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_IGNORE_ENC.rawValue
        _ = xmlCtxtUseOptions(context, Int32(options))
        _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
        session.context = context
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    /// Parses the next piece of the document (at most 2 GiB at a time).
    public func push(_ bytes: UnsafeRawBufferPointer) {
        guard let context, !finished, let base = bytes.baseAddress, bytes.count > 0 else { return }
        session.pushedBytes += bytes.count
        _ = xmlParseChunk(context, base.assumingMemoryBound(to: CChar.self), Int32(clamping: bytes.count), 0)
        session.keepEntitiesFlowing()
    }

    /// Ends the document and returns what libxml2 reported (first error, counts).
    public func finish() -> SAXOutcome {
        guard let context else {
            return SAXOutcome(firstError: SAXError(line: 0, column: 0, message: "cannot create a libxml2 parser"), errorCount: 1)
        }
        if !finished {
            finished = true
            _ = xmlParseChunk(context, nil, 0, 1)
        }
        return session.finalOutcome()
    }

    /// Parses a whole document held in memory, `chunkSize` bytes at a time.
    public static func parse(utf8 bytes: ArraySlice<UInt8>, handler: any SAXHandler, chunkSize: Int = 64 << 10) -> SAXOutcome {
        let parser = SAXPushParser(handler: handler)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = min(chunkSize, buffer.count - offset)
                parser.push(UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + count]))
                offset += count
            }
        }
        return parser.finish()
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
            guard let name else { return nil }
            return SAXSession.from(userData).entity(named: name)
        }
        sax.entityDecl = { userData, name, type, _, _, content in
            guard let name, type == Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue) else { return }
            SAXSession.from(userData).entities.declare(name: String(cString: name), content: content)
        }
        sax.serror = { userData, error in
            guard let userData, let error else { return }
            SAXSession.from(userData).record(error.pointee)
        }
        return sax
    }
}
