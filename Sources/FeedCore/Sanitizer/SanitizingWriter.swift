import FeedXML

/// `HTMLSanitizer`'s work in one walk over a parsed fragment: cleans, repairs the nesting and writes bytes.
///
/// - Cleaning: each element is kept, unwrapped (children in its place) or dropped with its content,
///   by `ElementRule`; kept attributes are checked by their `HTMLAllowlist.Rule`.
/// - Nesting: before a kept element is written, every open element its start tag would end (libxml2's
///   rule, `NestingTable`) is closed, as the parser reading the output back would close it; its later
///   siblings then follow outside. The output is thus a fixed point of the sanitiser.
/// - A link is written when it starts; if it ends holding nothing but blank text, its start tag (and
///   what that closed) is taken back out, and the text stays where the link was.
/// - With `collectsText`, the text a reader would see is gathered too (`HTMLPlainText`'s rules).
struct SanitizingWriter: HTMLFragmentVisitor {
    let policy: SanitizerPolicy
    let urls: URLFilter
    let collectsText: Bool
    private(set) var output: [UInt8] = []
    private(set) var text: [UInt8] = []
    /// The elements written and not yet closed, innermost last.
    private var open: [ElementRule] = []
    /// One entry per element entered and not yet exited: what its exit does.
    private var frames: [Frame] = []
    /// The kept links entered and not yet exited, innermost last.
    private var links: [Link] = []
    /// How many of the innermost `links` hold only blank text so far (those are always the innermost).
    private var blankLinks = 0
    /// The text node being read inside a link that is blank so far.
    private var pendingText: [UInt8] = []
    /// The kept attributes of the element being entered, written out (`SanitizingWriter+Attributes`).
    var attributes: [UInt8] = []

    private enum Frame {
        case none
        case written(openIndex: Int)
        case link(openIndex: Int)
    }

    /// Where a link's start tag was written, to take it back out.
    private struct Link {
        let outputStart: Int
        let outputContent: Int
        let textStart: Int
        let textContent: Int
        /// The open elements its start tag closed, innermost first.
        let closed: [ElementRule]
    }

    init(policy: SanitizerPolicy, baseURL: String?, collectsText: Bool, capacity: Int) {
        self.policy = policy
        urls = URLFilter(baseURL: baseURL, allowDataImages: policy.allowDataImages)
        self.collectsText = collectsText
        output.reserveCapacity(capacity)
        if collectsText { text.reserveCapacity(capacity) }
    }

    /// The HTML written, without leading and trailing C0 controls and spaces.
    var html: String {
        var start = output.startIndex
        var end = output.endIndex
        while start < end, output[start] <= 0x20 { start += 1 }
        while end > start, output[end - 1] <= 0x20 { end -= 1 }
        return String(decoding: output[start..<end], as: UTF8.self)
    }

    /// The text a reader would see, whitespace collapsed (`HTMLPlainText`).
    var plainText: String {
        HTMLPlainText.collapsingWhitespace(text)
    }

    mutating func enterElement(_ element: HTMLElementView) -> Bool {
        endTextNode()
        guard let rule = ElementRule.table[element.name] else {
            frames.append(.none)
            return true
        }
        switch rule.action {
        case .unwrap:
            frames.append(.none)
            return true
        case .drop:
            frames.append(.none)
            return false
        case .iframe:
            frames.append(.none)
            if keepsIframe(element, rule: rule) {
                markLinksNotBlank()
                writeStartTag(rule)
                output.append(contentsOf: "</iframe>".utf8)
            }
            return false
        case .keep:
            return enterKept(element, rule: rule)
        }
    }

    mutating func exitElement() {
        endTextNode()
        switch frames.removeLast() {
        case .none:
            break
        case .written(let index):
            if open.count > index { closeInnermost() }
        case .link(let index):
            let link = links.removeLast()
            if blankLinks > 0 {
                // Nothing but blank text inside: the link goes, its text stays (the link closed nothing inside it).
                blankLinks -= 1
                output.removeSubrange(link.outputStart..<link.outputContent)
                text.removeSubrange(link.textStart..<link.textContent)
                open.removeLast()
                open.append(contentsOf: link.closed.reversed())
            } else if open.count > index {
                closeInnermost()
            }
        }
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        HTMLEscaper.append(bytes, quote: false, to: &output)
        if collectsText { text.append(contentsOf: bytes) }
        if blankLinks > 0 { pendingText.append(contentsOf: bytes) }
    }

    mutating func textNodeBoundary() {
        endTextNode()
    }

    private mutating func enterKept(_ element: HTMLElementView, rule: ElementRule) -> Bool {
        let facts = keptAttributes(of: element, rule: rule)
        switch rule.requirement {
        case .none:
            break
        case .link:
            guard facts.hasHref else {
                frames.append(.none)
                return true
            }
            appendAttribute("rel", HTMLAllowlist.linkRel)
        case .image:
            guard let source = facts.source,
                !TrackingPixel.isTracker(width: facts.width, height: facts.height, source: source)
            else {
                frames.append(.none)
                return false
            }
        case .source:
            guard facts.source != nil || facts.hasSrcset else {
                frames.append(.none)
                return false
            }
        case .track:
            guard facts.source != nil else {
                frames.append(.none)
                return false
            }
        }
        if rule.requirement == .link {
            // Whether the link holds anything is known at its end: until then it does not count as content.
            let outputStart = output.count
            let textStart = text.count
            let closed = writeStartTag(rule)
            links.append(Link(outputStart: outputStart, outputContent: output.count, textStart: textStart,
                              textContent: text.count, closed: closed))
            blankLinks += 1
            frames.append(.link(openIndex: open.count))
            open.append(rule)
            return true
        }
        markLinksNotBlank()
        writeStartTag(rule)
        if rule.isVoid {
            if collectsText && rule.isBlock { text.append(UInt8(ascii: " ")) }
            frames.append(.none)
            return false
        }
        frames.append(.written(openIndex: open.count))
        open.append(rule)
        return true
    }

    /// Closes the open elements `rule`'s start tag ends, then writes it with `attributes`; returns what it closed.
    @discardableResult
    private mutating func writeStartTag(_ rule: ElementRule) -> [ElementRule] {
        var closed: [ElementRule] = []
        while let innermost = open.last, NestingTable.shared.startTag(rule, closes: innermost) {
            closed.append(innermost)
            closeInnermost()
        }
        output.append(UInt8(ascii: "<"))
        output.append(contentsOf: rule.bytes)
        output.append(contentsOf: attributes)
        output.append(UInt8(ascii: ">"))
        if collectsText && rule.isBlock { text.append(UInt8(ascii: " ")) }
        return closed
    }

    private mutating func closeInnermost() {
        let rule = open.removeLast()
        output.append(contentsOf: "</".utf8)
        output.append(contentsOf: rule.bytes)
        output.append(UInt8(ascii: ">"))
        if collectsText && rule.isBlock { text.append(UInt8(ascii: " ")) }
    }

    /// Every open link now holds something: an element, or text that is not blank.
    private mutating func markLinksNotBlank() {
        blankLinks = 0
    }

    /// Ends the text node being read: if it is not blank, the links around it are not either.
    private mutating func endTextNode() {
        guard !pendingText.isEmpty else { return }
        if !Self.isBlank(pendingText) { markLinksNotBlank() }
        pendingText.removeAll(keepingCapacity: true)
    }

    /// Whether every character of the text is whitespace (`Character.isWhitespace`, as the rule was first written).
    private static func isBlank(_ bytes: [UInt8]) -> Bool {
        if bytes.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) { return true }
        // A first character that starts with a non-space ASCII byte is not whitespace.
        if let first = bytes.first, first < 0x80, first != 0x20, !(0x09...0x0D).contains(first) { return false }
        return String(decoding: bytes, as: UTF8.self).allSatisfy(\.isWhitespace)
    }
}
