import CLibXML2

/// The text and CDATA nodes below an element of a libxml2 tree, in document order, walked without
/// recursion (a hostile fragment may nest thousands of levels deep).
enum TextDescendants {
    /// Calls `body` with each text or CDATA node below `node`.
    static func forEach(below node: xmlNodePtr, _ body: (xmlNodePtr) -> Void) {
        var current = node.pointee.children
        while let each = current {
            if each.pointee.type == XML_TEXT_NODE || each.pointee.type == XML_CDATA_SECTION_NODE {
                body(each)
            }
            if each.pointee.type == XML_ELEMENT_NODE, let child = each.pointee.children {
                current = child
                continue
            }
            var climb: xmlNodePtr? = each
            while let up = climb, up != node, up.pointee.next == nil {
                climb = up.pointee.parent
            }
            guard let up = climb, up != node else { break }
            current = up.pointee.next
        }
    }
}
