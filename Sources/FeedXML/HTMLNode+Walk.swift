extension HTMLNode {
    /// Reports `nodes` to `visitor` as `HTMLFragmentParser.walk` reports a parsed fragment.
    ///
    /// Each element is reported as it is (no `html`/`body` see-through, no depth bound: the tree was
    /// bounded when parsed); adjacent text nodes are separated by `textNodeBoundary()`. Recursion
    /// follows the tree's depth.
    public static func walk<Visitor: HTMLFragmentVisitor>(_ nodes: [HTMLNode], into visitor: inout Visitor) {
        var previousWasText = false
        for node in nodes {
            switch node {
            case .text(let text):
                if previousWasText { visitor.textNodeBoundary() }
                previousWasText = true
                var text = text
                text.withUTF8 { visitor.text($0) }
            case .element(let name, let attributes, let children):
                previousWasText = false
                if report(name: name, attributes: attributes, into: &visitor) { walk(children, into: &visitor) }
                visitor.exitElement()
            }
        }
    }

    /// Calls `enterElement` with views into one buffer holding the name and every attribute.
    private static func report<Visitor: HTMLFragmentVisitor>(
        name: String, attributes: [HTMLAttribute], into visitor: inout Visitor
    ) -> Bool {
        var storage = Array(name.utf8)
        var ranges: [(name: Range<Int>, value: Range<Int>)] = []
        for attribute in attributes {
            let nameStart = storage.count
            storage.append(contentsOf: attribute.name.utf8)
            let valueStart = storage.count
            storage.append(contentsOf: attribute.value.utf8)
            ranges.append((nameStart..<valueStart, valueStart..<storage.count))
        }
        return storage.withUnsafeBufferPointer { bytes in
            let views = ranges.map { range in
                HTMLAttributeView(name: UnsafeBufferPointer(rebasing: bytes[range.name]),
                                  value: UnsafeBufferPointer(rebasing: bytes[range.value]))
            }
            return views.withUnsafeBufferPointer { views in
                visitor.enterElement(HTMLElementView(name: UnsafeBufferPointer(rebasing: bytes[0..<name.utf8.count]), attributes: views))
            }
        }
    }
}
