/// Receives a parsed HTML fragment as events, in document order, without a tree being built.
///
/// The events follow `HTMLFragmentParser.parse`'s tree exactly: `html`, `head` and `body` are not
/// reported (their children are), elements nested deeper than the depth bound arrive as their text,
/// and what libxml2 nests inside an HTML5 void element arrives after that element's exit. Adjacent
/// text events with no element event between them belong to one text node of that tree, unless a
/// `textNodeBoundary()` separates them. The buffers are valid only during the call.
public protocol HTMLFragmentVisitor {
    /// An element starts; returns whether its children are wanted (void elements' never come as children).
    mutating func enterElement(_ element: HTMLElementView) -> Bool
    /// The element last entered and not yet exited ends.
    mutating func exitElement()
    /// Text (character references decoded, no NUL), as UTF-8.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>)
    /// Two adjacent text events that are separate text nodes (only from hand-made `HTMLNode` lists).
    mutating func textNodeBoundary()
}

/// An element's lowercase name and its attributes in source order, as UTF-8, valid during the call.
public struct HTMLElementView {
    public let name: UnsafeBufferPointer<UInt8>
    public let attributes: UnsafeBufferPointer<HTMLAttributeView>

    public init(name: UnsafeBufferPointer<UInt8>, attributes: UnsafeBufferPointer<HTMLAttributeView>) {
        self.name = name
        self.attributes = attributes
    }
}

/// One attribute as UTF-8 (a value-less attribute has an empty value), valid during the call.
public struct HTMLAttributeView {
    public let name: UnsafeBufferPointer<UInt8>
    public let value: UnsafeBufferPointer<UInt8>

    public init(name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {
        self.name = name
        self.value = value
    }
}
