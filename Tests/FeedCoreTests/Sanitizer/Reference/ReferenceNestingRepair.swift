@testable import FeedCore
import FeedXML

/// The test oracle's nesting step (as written before `SanitizingWriter`): reshapes a cleaned tree so that its serialisation parses back to the same tree.
///
/// Unwrapping an element can put a child where the HTML parser would not nest it (`<p><font><ul>`
/// becomes `<p><ul>`, and a `<ul>` start tag ends an open `<p>`). Here the parent is ended the same
/// way: the child and its following siblings move up after the parent, as the parser would move them.
enum ReferenceNestingRepair {
    static func repair(_ nodes: [HTMLNode]) -> [HTMLNode] {
        place(nodes, inside: nil).inside
    }

    /// The nodes that stay inside an open `parent`, and those that end it (to be placed after it).
    private static func place(_ nodes: [HTMLNode], inside parent: String?) -> (inside: [HTMLNode], escaped: [HTMLNode]) {
        var inside: [HTMLNode] = []
        var pending = Array(nodes.reversed())  // a stack: the next node is last
        while let node = pending.popLast() {
            guard case .element(let name, let attributes, let children) = node else {
                inside.append(node)
                continue
            }
            if let parent, HTMLFragmentParser.startTag(name, closes: parent) {
                pending.append(node)
                return (inside, pending.reversed())
            }
            let placed = place(children, inside: name)
            inside.append(.element(name: name, attributes: attributes, children: placed.inside))
            pending.append(contentsOf: placed.escaped.reversed())
        }
        return (inside, [])
    }
}
