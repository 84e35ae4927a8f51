/// One node of a parsed HTML fragment: a Sendable copy of libxml2's tree, with no C pointer in it.
///
/// Comments and processing instructions are not represented; CDATA (the content of `script` and
/// `style`) arrives as text. Element and attribute names are lowercase, as libxml2's HTML parser
/// reports them.
public indirect enum HTMLNode: Sendable, Hashable {
    case element(name: String, attributes: [HTMLAttribute], children: [HTMLNode])
    case text(String)
}

/// One attribute of an element, in source order; a value-less attribute (`<details open>`) has `""`.
public struct HTMLAttribute: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension HTMLNode {
    /// HTML void elements (WHATWG HTML §13.1.2): never have children, written without an end tag.
    public static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr",
    ]
}
