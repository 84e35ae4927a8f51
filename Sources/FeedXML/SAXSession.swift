import CLibXML2

/// The state of one push parse: the handler, interned names, and the first error.
final class SAXSession {
    let handler: any SAXHandler
    var context: xmlParserCtxtPtr?
    var outcome = SAXOutcome()
    /// Entities the document declares in its internal subset.
    let entities = DocumentEntities()
    /// Bytes of the document pushed so far (the entity budget grows with them).
    var pushedBytes = 0
    /// libxml2 interns names in its dictionary, so one pointer always spells the same string.
    private var interned: [UnsafeRawPointer: String] = [:]
    private var names = NameTable()

    init(handler: any SAXHandler) {
        self.handler = handler
    }

    static func from(_ userData: UnsafeMutableRawPointer?) -> SAXSession {
        Unmanaged<SAXSession>.fromOpaque(userData!).takeUnretainedValue()
    }

    /// libxml2 2.9 drops every entity reference, even `&amp;`, once `wellFormed` is 0; errors are
    /// already recorded here, so the flag is raised again before the parser reads on.
    func keepEntitiesFlowing() {
        context?.pointee.wellFormed = 1
    }

    func startElement(
        localName: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?,
        namespaceCount: Int, namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
        attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        keepEntitiesFlowing()
        let name = self.name(uri: uri, prefix: prefix, localName: localName)
        var declared: [String] = []
        if namespaceCount > 0, let namespaces {
            for index in 0..<namespaceCount {
                if let uri = intern(namespaces[index * 2 + 1]) { declared.append(uri) }
            }
        }
        var parsed: [SAXAttribute] = []
        if attributeCount > 0, let attributes {
            parsed.reserveCapacity(attributeCount)
            for index in 0..<attributeCount {
                let base = index * 5
                let attributeName = self.name(uri: attributes[base + 2], prefix: attributes[base + 1], localName: attributes[base])
                var value = ""
                if let start = attributes[base + 3], let end = attributes[base + 4] {
                    value = Self.attributeValue(UnsafeBufferPointer(start: start, count: end - start))
                }
                parsed.append(SAXAttribute(name: attributeName, value: value))
            }
        }
        handler.startElement(name, attributes: parsed, declaredNamespaces: declared)
    }

    func endElement(localName: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?) {
        keepEntitiesFlowing()
        handler.endElement(name(uri: uri, prefix: prefix, localName: localName))
    }

    func characters(_ text: UnsafePointer<xmlChar>?, _ length: Int) {
        keepEntitiesFlowing()
        guard let text, length > 0 else { return }
        handler.characters(UnsafeBufferPointer(start: text, count: length))
    }

    /// The entity for `&name;`: one the document declared, else an HTML 4 one, else nil (undefined).
    /// Declared entities are not expanded inside attribute values (libxml2 would keep one byte of them).
    func entity(named name: UnsafePointer<xmlChar>) -> xmlEntityPtr? {
        if !entities.isEmpty, context?.pointee.instate != XML_PARSER_ATTRIBUTE_VALUE,
           let declared = entities.entity(named: String(cString: name), documentBytes: pushedBytes) {
            return declared
        }
        guard let entity = EntitiesHTML.shared.entity(named: name) else { return nil }
        outcome.htmlEntityReferences += 1
        return entity
    }

    /// The outcome with what the entities reported.
    func finalOutcome() -> SAXOutcome {
        var result = outcome
        result.expandedEntityNames = entities.usedNames
        result.refusedEntities = entities.refusals
        return result
    }

    func record(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else {
            outcome.warningCount += 1
            return
        }
        outcome.errorCount += 1
        guard outcome.firstError == nil else { return }
        var message = error.message.map { String(cString: $0) } ?? "error \(error.code)"
        while message.last?.isWhitespace == true { message.removeLast() }
        outcome.firstError = SAXError(line: Int(error.line), column: Int(error.int2), message: message)
    }

    /// Without entity substitution libxml2 hands `&amp;` in attribute values over as `&#38;`: undo that.
    private static func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), index + 4 < bytes.count, bytes[index + 1] == UInt8(ascii: "#"),
               bytes[index + 2] == UInt8(ascii: "3"), bytes[index + 3] == UInt8(ascii: "8"), bytes[index + 4] == UInt8(ascii: ";") {
                output.append(UInt8(ascii: "&"))
                index += 5
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The name for three interned pointers, made once per parse.
    private func name(uri: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?, localName: UnsafePointer<xmlChar>?) -> SAXName {
        names.name(uri: uri.map(UnsafeRawPointer.init), prefix: prefix.map(UnsafeRawPointer.init), local: localName.map(UnsafeRawPointer.init)) { id in
            SAXName(namespaceURI: intern(uri), prefix: intern(prefix), localName: intern(localName) ?? "", id: id)
        }
    }

    private func intern(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        let key = UnsafeRawPointer(pointer)
        if let known = interned[key] { return known }
        let string = String(cString: pointer)
        interned[key] = string
        return string
    }
}
