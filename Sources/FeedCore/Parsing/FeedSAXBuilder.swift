import FeedXML
import Foundation

/// Streams SAX events into feed and entry drafts: memory follows the output, not the document.
///
/// Elements are matched by namespace URI and lowercased local name (mixed-case tags are common);
/// text is captured only for elements a mapping table asks for.
final class FeedSAXBuilder: SAXHandler {
    private(set) var format: FeedFormat?
    private(set) var rootDescription: String?
    private let documentURL: String?
    /// A root element in a missing or unexpected namespace (`<feed>` without xmlns, `<rss xmlns="…">`):
    /// names in that namespace are read as the vocabulary the root's name implies.
    private var namespaceAlias: NamespaceAlias?
    /// An `rdf:RDF` root that does not declare RSS 1.0: the first `channel` or `item` tells its namespace.
    private var rdfWithoutRSSNamespace = false
    /// Why the document was read in a namespace it does not declare (sets bozo), or nil.
    private(set) var namespaceWarning: String?
    var frames: [Frame] = []
    var capture: TextCapture?
    var feed = FeedDraft()
    var entry: EntryDraft?
    var person: Author?
    var sourceFeed: SourceFeed?
    /// Where finished entries go, with their ids assigned.
    private let sink: any ParsedEntrySink
    private var identity = EntryIdentity()
    /// The byte buffer of the last capture, kept for the next one (dropped past 1 MiB, so memory stays bounded).
    private var spareBuffer: [UInt8] = []
    /// `elementKey` results, indexed by `SAXName.id`.
    private var keys: [ElementKey?] = []
    /// Deepest element read; what lies deeper is skipped, so a hostile document's nesting costs no memory.
    static let maxDepth = 1_024
    /// How many elements deeper than `maxDepth` are open now.
    private var overflow = 0
    /// Whether any element lay deeper than `maxDepth`.
    private(set) var tooDeep = false
    /// When the parse must end; checked every `deadlineStride` start tags (a clock read per tag would show).
    private let deadline: ContinuousClock.Instant?
    private static let deadlineStride = 256
    private var tagsUntilCheck = FeedSAXBuilder.deadlineStride
    /// The deadline passed: every later event is ignored and the parse fails.
    private(set) var timedOut = false

    init(documentURL: String?, sink: any ParsedEntrySink, deadline: ContinuousClock.Instant? = nil) {
        self.documentURL = documentURL
        self.deadline = deadline
        self.sink = sink
    }

    /// The feed read so far, without its entries (they went to the sink); call after the parse (closes
    /// what a truncated document left open).
    func build(format: FeedFormat) -> ParsedFeed {
        while !frames.isEmpty { closeTopFrame(truncated: true) }
        return feed.build(format: format, entries: [])
    }

    // MARK: SAX events

    func startElement(_ name: SAXName, attributes: [SAXAttribute], declaredNamespaces: [String]) {
        if let deadline {
            tagsUntilCheck -= 1
            if tagsUntilCheck == 0 {
                tagsUntilCheck = Self.deadlineStride
                if ContinuousClock.now >= deadline { timedOut = true }
            }
        }
        guard !timedOut && overflow == 0 && frames.count < Self.maxDepth else {
            overflow += 1
            if !timedOut { tooDeep = true }
            return
        }
        var key = elementKey(name)
        if rdfWithoutRSSNamespace, frames.count == 1 { key = adoptRDFChildNamespace(name, key: key) }
        let parent = frames.last
        var base = parent?.base ?? documentURL
        var language = parent?.language
        for attribute in attributes where attribute.name.namespaceURI == XMLNames.xmlNamespace {
            if attribute.name.localName == "base" { base = URLResolver.resolve(attribute.value, against: base) }
            if attribute.name.localName == "lang" { language = attribute.value.isEmpty ? nil : attribute.value }
        }
        var frame = Frame(key: key, role: .plain, base: base, language: language)
        if entry != nil, isEntry(key) { resynchronise() }
        if capture != nil, startsSiblingField(key, inside: capture!) { abandonCapture() }
        if capture != nil {
            capture!.openChild(name: name, attributes: attributes, isXHTMLDiv: key == ElementKey(.xhtml, "div"),
                               depth: frames.count + 1)
            frame.role = .insideCapture
        } else if parent == nil {
            detectFormat(key, attributes: attributes, declaredNamespaces: declaredNamespaces, name: name)
            if language != nil { feed.language.offer(language, rank: .fallback(10)) }
        } else if format != nil {
            frame.role = dispatch(key, attributes: attributes, frame: frame, context: innermostRole())
        }
        let inherits = frame.role == .plain || frame.role == .dead
        frame.context = inherits ? (parent?.context ?? .plain) : frame.role
        frame.contextDepth = inherits ? (parent?.contextDepth ?? 1) : frames.count + 1
        frames.append(frame)
    }

    /// Marks the frames from `start` to the top dead (left open by broken markup), so their children take
    /// their context from below them.
    private func killFrames(from start: Int) {
        let below = start > 0 ? frames[start - 1].context : .plain
        let belowDepth = start > 0 ? frames[start - 1].contextDepth : 1
        for index in start..<frames.count {
            frames[index].role = .dead
            frames[index].context = below
            frames[index].contextDepth = belowDepth
        }
    }

    /// Vocabulary and lowercased local name of `name`, worked out once per distinct name of the parse.
    private func elementKey(_ name: SAXName) -> ElementKey {
        if name.id < keys.count, let known = keys[name.id] { return known }
        var key = ElementKey(FeedVocabulary.of(uri: name.namespaceURI, prefix: name.prefix), name.lowercasedLocalName)
        if let alias = namespaceAlias, alias.covers(name) { key.vocabulary = alias.vocabulary }
        if name.id >= keys.count { keys.append(contentsOf: repeatElement(nil, count: name.id - keys.count + 1)) }
        keys[name.id] = key
        return key
    }

    func endElement(_ name: SAXName) {
        if overflow > 0 {
            overflow -= 1
            return
        }
        if !frames.isEmpty { closeTopFrame(truncated: false) }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        guard overflow == 0 && !timedOut else { return }
        capture?.append(text, depth: frames.count)
    }

    /// Entries never nest: a new one inside an open one means unclosed markup (a raw `<br>`) shifted
    /// the stack. The open entry is finished now and its frames are kept, dead, for their end tags.
    private func resynchronise() {
        guard let entryIndex = frames.lastIndex(where: { $0.role == .entry }) else { return }
        if var open = capture {
            capture = nil
            deliver(open, frame: frames[min(open.depth, frames.count) - 1])
            recycle(&open)
        }
        for index in stride(from: frames.count - 1, through: entryIndex, by: -1) {
            let role = frames[index].role
            frames[index].role = .dead
            finish(role, truncated: true)
        }
        killFrames(from: entryIndex)
    }

    /// A plain-text field (title, link, guid…) cannot contain another field of its own container: when
    /// `<link>` opens inside `<title>`, an unclosed tag (`<br>`) kept the title open.
    private func startsSiblingField(_ key: ElementKey, inside open: TextCapture) -> Bool {
        guard open.kind == .text, open.target == .entry || open.target == .feed else { return false }
        let table = open.target == .entry ? FieldMapping.entry : FieldMapping.feed
        return table[key] != nil || isAtomLink(key)
    }

    /// Delivers the open capture as it stands and marks its frames dead, so the new tag is read in context.
    private func abandonCapture() {
        guard var open = capture else { return }
        capture = nil
        deliver(open, frame: frames[open.depth - 1])
        recycle(&open)
        killFrames(from: open.depth - 1)
    }

    // MARK: Format detection

    private func detectFormat(_ key: ElementKey, attributes: [SAXAttribute], declaredNamespaces: [String], name: SAXName) {
        let version = attributes.first { $0.name.localName == "version" && $0.name.namespaceURI == nil }?.value
            .trimmingWhitespace()
        switch (key.vocabulary, key.name) {
        case (.rss, "rss"):
            format = switch version {
            case "0.91": .rss091
            case "0.92": .rss092
            case "0.93": .rss093
            case "0.94": .rss094
            default: .rss20
            }
        case (.rdf, "rdf"):
            let netscape = declaredNamespaces.contains { $0.hasPrefix("http://my.netscape.com/rdf/simple/0.9") }
            format = netscape ? .rss090 : .rss10
            rdfWithoutRSSNamespace = !netscape && !declaredNamespaces.contains("http://purl.org/rss/1.0/")
        case (.atom, "feed"): format = .atom10
        case (.atom03, "feed"): format = .atom03
        case (.rss, "feed"), (.other, "feed"):
            format = version == "0.3" ? .atom03 : .atom10
            readRoot(name, as: format == .atom03 ? .atom03 : .atom, format: "Atom")
        case (.other, "rss"):
            detectFormat(ElementKey(.rss, "rss"), attributes: attributes, declaredNamespaces: [], name: name)
            readRoot(name, as: .rss, format: "RSS")
        default:
            rootDescription = "root element <\(name.localName)>"
        }
    }

    /// Reads the root's namespace (none, or an unknown URI) as `vocabulary`, and says so.
    private func readRoot(_ name: SAXName, as vocabulary: FeedVocabulary, format: String) {
        namespaceAlias = NamespaceAlias(uri: name.namespaceURI, vocabulary: vocabulary)
        keys.removeAll()
        let namespace = name.namespaceURI.map { "is in the namespace \($0)" } ?? "has no namespace"
        namespaceWarning = "the root element <\(name.localName)> \(namespace): read as \(format)"
    }

    /// The first child of an `rdf:RDF` root that lacks the RSS 1.0 namespace: a `channel` or `item` with no
    /// namespace or an unknown one is read as RSS 1.0 (as feedparser does), with a warning.
    private func adoptRDFChildNamespace(_ name: SAXName, key: ElementKey) -> ElementKey {
        guard ["channel", "item", "image", "textinput"].contains(key.name) else { return key }
        rdfWithoutRSSNamespace = false
        guard key.vocabulary == .other || (key.vocabulary == .rss && name.namespaceURI == nil) else { return key }
        let namespace = name.namespaceURI.map { "the namespace \($0)" } ?? "no namespace"
        namespaceWarning = "RSS 1.0 elements in \(namespace) instead of http://purl.org/rss/1.0/: read as RSS 1.0"
        guard key.vocabulary == .other else { return key }
        namespaceAlias = NamespaceAlias(uri: name.namespaceURI, vocabulary: .rss)
        keys.removeAll()
        return elementKey(name)
    }

    // MARK: Closing

    /// An empty buffer for a new capture, with the capacity the last one grew to.
    func takeSpareBuffer() -> [UInt8] {
        var buffer: [UInt8] = []
        swap(&buffer, &spareBuffer)
        return buffer
    }

    private func recycle(_ capture: inout TextCapture) {
        let buffer = capture.takeBuffer()
        if buffer.capacity <= 1 << 20 { spareBuffer = buffer }
    }

    private func closeTopFrame(truncated: Bool) {
        let frame = frames.removeLast()
        // No `if let` copy of the capture here: a live copy would make the mutation below copy its bytes
        // (copy-on-write), once per closing tag, which turned deep or long xhtml content quadratic.
        if capture != nil {
            if capture!.depth == frames.count + 1 {
                var open = capture!
                capture = nil
                deliver(open, frame: frame)
                recycle(&open)
            } else {
                capture!.closeChild(name: frame.key.name, depth: frames.count + 1)
            }
            return
        }
        finish(frame.role, truncated: truncated)
    }

    /// Completes what a container role collected (an entry, an author, a source).
    private func finish(_ role: Role, truncated: Bool) {
        switch role {
        case .entry:
            if let draft = entry, !truncated || draft.hasSubstance { sink.receive(identity.assign(draft.build())) }
            entry = nil
        case .person(let ofEntry):
            if let author = person, author.name != nil || author.email != nil || author.uri != nil {
                if ofEntry { entry?.authors.append(author) } else { feed.authors.append(author) }
            }
            person = nil
        case .source:
            entry?.source = sourceFeed
            sourceFeed = nil
        default:
            break
        }
    }

    func deliver(_ capture: TextCapture, frame: Frame) {
        let text = capture.value()
        guard !text.isEmpty else { return }
        let slot = capture.slot
        switch capture.target {
        case .feed: FieldDelivery.deliver(text, capture: capture, base: frame.base, into: &feed)
        case .entry:
            guard entry != nil else { return }
            FieldDelivery.deliver(text, capture: capture, base: frame.base, into: &entry!)
        case .person:
            switch slot.field {
            case .authorName: if person?.name == nil { person?.name = text }
            case .authorEmail: if person?.email == nil { person?.email = text }
            case .authorURI: if person?.uri == nil { person?.uri = URLResolver.resolve(text, against: frame.base) }
            default: break
            }
        case .source:
            switch slot.field {
            case .title: if sourceFeed?.title == nil { sourceFeed?.title = ParsedPlainText.of(capture.content(text)) }
            case .id: if sourceFeed?.id == nil { sourceFeed?.id = text }
            case .updated: if sourceFeed?.updated == nil { sourceFeed?.updated = FeedDateParser.parse(text) }
            default: break
            }
        case .rssSource:
            entry?.source?.title = text
        }
    }
}

/// A frame of the element stack: the element, what it opened, and the xml:base and xml:lang in effect.
struct Frame {
    var key: ElementKey
    var role: Role
    var base: String?
    var language: String?
    /// The innermost role, this frame's or an ancestor's, that is neither plain nor dead: what a child is
    /// read in. Kept per frame so a start tag costs the same at any depth (a search down the stack made
    /// deep nesting quadratic).
    var context: Role = .plain
    /// The depth of the frame that set `context` (the entry, the root element…), to rank nested fields.
    var contextDepth = 1
}

/// A namespace read as one of the known vocabularies; a nil `uri` stands for unprefixed names without one.
struct NamespaceAlias {
    var uri: String?
    var vocabulary: FeedVocabulary

    func covers(_ name: SAXName) -> Bool {
        name.namespaceURI == uri && (uri != nil || name.prefix == nil)
    }
}

/// What an open element is to the builder.
enum Role: Equatable {
    case plain, entry, person(ofEntry: Bool), source, image, ignored, skipHours, skipDays, insideCapture
    /// Left open by broken markup and already finished; only waits for its end tag.
    case dead
}

/// Well-known namespace URIs the builder compares attributes against.
enum XMLNames {
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
    static let rdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
}
