import CLibXML2

/// Copies a libxml2 HTML tree into `HTMLNode`s, bounding depth and fixing libxml2 2.9's HTML 4 view.
struct HTMLTreeBuilder {
    let maxDepth: Int

    init(maxDepth: Int) {
        self.maxDepth = maxDepth
    }

    /// The nodes for a sibling list starting at `first`, adjacent text merged.
    func nodes(from first: xmlNodePtr?, depth: Int) -> [HTMLNode] {
        var result: [HTMLNode] = []
        var current = first
        while let node = current {
            current = node.pointee.next
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                append(contentsOf: element(node, depth: depth), to: &result)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                append(.text(Self.content(of: node)), to: &result)
            default:
                continue  // comments, processing instructions, DTD nodes
            }
        }
        return result
    }

    /// One element, as one node or (for html/head/body, void elements holding content) several.
    private func element(_ node: xmlNodePtr, depth: Int) -> [HTMLNode] {
        let name = Self.string(node.pointee.name)
        if name == "html" || name == "head" || name == "body" {
            return nodes(from: node.pointee.children, depth: depth)
        }
        if depth >= maxDepth {
            let text = Self.flattenedText(of: node)
            return text.isEmpty ? [] : [.text(text)]
        }
        let attributes = Self.attributes(of: node)
        let children = nodes(from: node.pointee.children, depth: depth + 1)
        // libxml2 2.9 knows only HTML 4's empty elements: it nests what follows `<source>` or `<wbr>`
        // inside them. Those nodes are moved back after the element.
        if HTMLNode.voidElements.contains(name) {
            return [.element(name: name, attributes: attributes, children: [])] + children
        }
        return [.element(name: name, attributes: attributes, children: children)]
    }

    private func append(contentsOf nodes: [HTMLNode], to result: inout [HTMLNode]) {
        for node in nodes { append(node, to: &result) }
    }

    private func append(_ node: HTMLNode, to result: inout [HTMLNode]) {
        if case .text(let text) = node {
            if text.isEmpty { return }
            if case .text(let previous) = result.last {
                result[result.count - 1] = .text(previous + text)
                return
            }
        }
        result.append(node)
    }

    /// All text below `node`, in document order, gathered without recursion (the subtree may be deep).
    private static func flattenedText(of node: xmlNodePtr) -> String {
        var text = ""
        TextDescendants.forEach(below: node) { text += content(of: $0) }
        return text
    }

    private static func attributes(of node: xmlNodePtr) -> [HTMLAttribute] {
        var result: [HTMLAttribute] = []
        var current = node.pointee.properties
        while let attribute = current {
            current = attribute.pointee.next
            let name = string(attribute.pointee.name)
            var value = ""
            if let raw = xmlNodeGetContent(UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self)) {
                value = String(cString: raw)
                feedd_xmlFree(raw)
            }
            result.append(HTMLAttribute(name: name, value: value))
        }
        return result
    }

    private static func content(of node: xmlNodePtr) -> String {
        guard let content = node.pointee.content else { return "" }
        return String(cString: content)
    }

    private static func string(_ name: UnsafePointer<xmlChar>?) -> String {
        guard let name else { return "" }
        return String(cString: name)
    }
}
