import CLibXML2

/// Reports a libxml2 HTML tree to an `HTMLFragmentVisitor`, with `HTMLTreeBuilder`'s view of it:
/// `html`/`head`/`body` see-through, depth bounded, HTML5 void elements' content moved after them.
struct HTMLDocumentWalker {
    let maxDepth: Int
    /// Attribute views of the element being reported, reused from element to element.
    private var attributes: [HTMLAttributeView] = []
    /// Attribute values libxml2 had to build (several text children): freed after the element is reported.
    private var built: [UnsafeMutablePointer<xmlChar>] = []

    init(maxDepth: Int) {
        self.maxDepth = maxDepth
    }

    /// Reports the sibling list starting at `first`.
    mutating func walk<Visitor: HTMLFragmentVisitor>(from first: xmlNodePtr?, depth: Int, into visitor: inout Visitor) {
        var current = first
        while let node = current {
            current = node.pointee.next
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                element(node, depth: depth, into: &visitor)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                Self.text(of: node, into: &visitor)
            default:
                continue  // comments, processing instructions, DTD nodes
            }
        }
    }

    private mutating func element<Visitor: HTMLFragmentVisitor>(_ node: xmlNodePtr, depth: Int, into visitor: inout Visitor) {
        let name = Self.bytes(node.pointee.name)
        let packed = PackedHTMLName(name)
        if let packed, packed == Self.html || packed == Self.head || packed == Self.body {
            walk(from: node.pointee.children, depth: depth, into: &visitor)
            return
        }
        if depth >= maxDepth {
            Self.flattenedText(of: node, into: &visitor)
            return
        }
        let isVoid = packed.map(HTMLDocumentWalker.isVoid) ?? false
        let wantsChildren = report(node, name: name, into: &visitor)
        // libxml2 2.9 knows only HTML 4's empty elements: it nests what follows `<source>` or `<wbr>`
        // inside them. Those nodes are reported after the element, as its siblings.
        if isVoid {
            visitor.exitElement()
            walk(from: node.pointee.children, depth: depth + 1, into: &visitor)
            return
        }
        if wantsChildren { walk(from: node.pointee.children, depth: depth + 1, into: &visitor) }
        visitor.exitElement()
    }

    /// Calls `enterElement` with the element's attributes; returns its answer.
    private mutating func report<Visitor: HTMLFragmentVisitor>(
        _ node: xmlNodePtr, name: UnsafeBufferPointer<UInt8>, into visitor: inout Visitor
    ) -> Bool {
        attributes.removeAll(keepingCapacity: true)
        var current = node.pointee.properties
        while let attribute = current {
            current = attribute.pointee.next
            attributes.append(HTMLAttributeView(name: Self.bytes(attribute.pointee.name), value: value(of: attribute)))
        }
        let wantsChildren = attributes.withUnsafeBufferPointer { views in
            visitor.enterElement(HTMLElementView(name: name, attributes: views))
        }
        for value in built { feedd_xmlFree(value) }
        built.removeAll(keepingCapacity: true)
        return wantsChildren
    }

    /// The attribute's value as `xmlNodeGetContent` gives it, read in place when it is one text node.
    private mutating func value(of attribute: xmlAttrPtr) -> UnsafeBufferPointer<UInt8> {
        guard let child = attribute.pointee.children else { return Self.empty }
        if child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE {
            return Self.bytes(child.pointee.content)
        }
        guard let value = xmlNodeGetContent(UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self)) else {
            return Self.empty
        }
        built.append(value)
        return Self.bytes(value)
    }

    private static func text<Visitor: HTMLFragmentVisitor>(of node: xmlNodePtr, into visitor: inout Visitor) {
        let content = bytes(node.pointee.content)
        if !content.isEmpty { visitor.text(content) }
    }

    /// All text below `node`, in document order, reported without recursion (the subtree may be deep).
    private static func flattenedText<Visitor: HTMLFragmentVisitor>(of node: xmlNodePtr, into visitor: inout Visitor) {
        TextDescendants.forEach(below: node) { text(of: $0, into: &visitor) }
    }

    private static func bytes(_ string: UnsafePointer<xmlChar>?) -> UnsafeBufferPointer<UInt8> {
        guard let string else { return empty }
        return UnsafeBufferPointer(start: string, count: Int(xmlStrlen(string)))
    }

    private static var empty: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: nil, count: 0) }

    private static func bytes(_ string: UnsafeMutablePointer<xmlChar>?) -> UnsafeBufferPointer<UInt8> {
        bytes(UnsafePointer(string))
    }

    private static let html = PackedHTMLName("html")
    private static let head = PackedHTMLName("head")
    private static let body = PackedHTMLName("body")
    private static let voidNames = HTMLNameTable(HTMLNode.voidElements.map { (name: $0, value: true) })

    /// Whether `name` is an HTML void element (`HTMLNode.voidElements`).
    static func isVoid(_ name: PackedHTMLName) -> Bool {
        voidNames[name] ?? false
    }
}
