import CLibXML2

/// A written document read back with libxml2's tree parser into plain values, for round-trip checks.
struct WrittenXML: Sendable, Equatable {
    var name: String
    var namespace: String?
    /// Attributes by name; namespaced ones as `prefix:name` (`xml:lang`).
    var attributes: [String: String]
    var children: [WrittenXML]
    /// The element's own character data, concatenated.
    var text: String

    /// The root element, or `nil` when the bytes are not well-formed XML.
    static func parse(_ bytes: [UInt8]) -> WrittenXML? {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), "written.xml", nil, options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        return xmlDocGetRootElement(document).map(element)
    }

    private static func element(_ node: xmlNodePtr) -> WrittenXML {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let local = string(current.pointee.name)
            let key = current.pointee.ns?.pointee.prefix.map { string($0) + ":" + local } ?? local
            attributes[key] = content(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
            attribute = current.pointee.next
        }
        var children: [WrittenXML] = []
        var text = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: children.append(element(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: text += current.pointee.content.map { string($0) } ?? ""
            default: break
            }
            child = current.pointee.next
        }
        return WrittenXML(
            name: string(node.pointee.name),
            namespace: node.pointee.ns?.pointee.href.map { string($0) },
            attributes: attributes,
            children: children,
            text: text
        )
    }

    private static func content(_ node: xmlNodePtr) -> String {
        guard let value = xmlNodeGetContent(node) else { return "" }
        defer { feedd_xmlFree(value) }
        return string(value)
    }

    private static func string(_ chars: UnsafePointer<xmlChar>) -> String {
        String(cString: chars)
    }

    /// Direct children with this local name (and namespace, when given).
    func all(_ name: String, namespace: String? = nil) -> [WrittenXML] {
        children.filter { $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }

    /// The first direct child with this local name (and namespace, when given).
    func first(_ name: String, namespace: String? = nil) -> WrittenXML? {
        all(name, namespace: namespace).first
    }

    /// Every descendant element, depth first.
    var descendants: [WrittenXML] {
        children.flatMap { [$0] + $0.descendants }
    }
}
