/// A qualified XML name as the SAX2 parser reports it: namespace URI (nil when none), prefix and local name.
public struct SAXName: Sendable, Hashable {
    public var namespaceURI: String?
    public var prefix: String?
    public var localName: String
    /// `localName` in ASCII lowercase (feeds mix `pubDate` and `pubdate`), computed once per distinct name.
    public var lowercasedLocalName: String
    /// The parse's number for this name: within one parse, two names are the same exactly when their
    /// ids are (a handler can cache what it derives from a name in an array indexed by id).
    public var id: Int

    public init(namespaceURI: String?, prefix: String?, localName: String, id: Int) {
        self.namespaceURI = namespaceURI
        self.prefix = prefix
        self.localName = localName
        self.lowercasedLocalName = localName.lowercased()
        self.id = id
    }
}

/// One attribute of a start tag, entities already replaced.
public struct SAXAttribute: Sendable, Hashable {
    public var name: SAXName
    public var value: String

    public init(name: SAXName, value: String) {
        self.name = name
        self.value = value
    }
}

/// The first error libxml2 reported while recovering, and how many there were.
public struct SAXError: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// What a parse reported besides its events.
public struct SAXOutcome: Sendable, Hashable {
    /// The first error (not warning) libxml2 reported while recovering.
    public var firstError: SAXError?
    public var errorCount = 0
    public var warningCount = 0
    /// References to HTML 4 entities (`&nbsp;`) that were resolved although XML never declared them.
    public var htmlEntityReferences = 0
    /// Entities of the document's internal subset that were expanded.
    public var expandedEntityNames: Set<String> = []
    /// Entity declarations or references refused for their size (see `DocumentEntities`).
    public var refusedEntities = 0

    /// True when libxml2 had anything to say: the document is not clean XML.
    public var hadProblems: Bool { errorCount > 0 || warningCount > 0 }
}

/// Receives the events of one parse, in document order; lives only inside the synchronous parse call.
public protocol SAXHandler: AnyObject {
    /// A start tag; `declaredNamespaces` are the URIs the tag itself declares (`xmlns`, `xmlns:x`).
    func startElement(_ name: SAXName, attributes: [SAXAttribute], declaredNamespaces: [String])
    func endElement(_ name: SAXName)
    /// Character data (text, CDATA, replaced entities), UTF-8, valid only during the call.
    func characters(_ text: UnsafeBufferPointer<UInt8>)
}
