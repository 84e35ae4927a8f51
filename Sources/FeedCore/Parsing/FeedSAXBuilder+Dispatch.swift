import FeedXML
import Foundation

/// Start tags: what each element means in its context (entry, author, source, image, channel).
extension FeedSAXBuilder {
    func innermostRole() -> Role {
        frames.last?.context ?? .plain
    }

    /// Decides what a start tag means in its context, starting a capture or a container.
    func dispatch(_ key: ElementKey, attributes: [SAXAttribute], frame: Frame, context: Role) -> Role {
        let attributes = AttributeList(attributes)
        switch context {
        case .ignored, .insideCapture, .dead:
            return .ignored
        case .image:
            if key == ElementKey(.rss, "url") {
                begin(FieldSlot(field: .icon, priority: 5, kind: .text), target: .feed, key: key, attributes: attributes, frame: frame)
            }
            return .ignored
        case .person:
            return beginMapped(FieldMapping.person, target: .person, key: key, attributes: attributes, frame: frame)
        case .source:
            if isAtomLink(key) {
                let href = attributes["href"].map { URLResolver.resolve($0, against: frame.base) }
                switch attributes["rel"] ?? "alternate" {
                case "alternate": if sourceFeed?.link == nil { sourceFeed?.link = href }
                case "self": if sourceFeed?.feedURL == nil { sourceFeed?.feedURL = href }
                default: break
                }
                return .plain
            }
            let role = beginMapped(FieldMapping.source, target: .source, key: key, attributes: attributes, frame: frame)
            return role == .plain ? .ignored : role
        case .skipHours:
            return beginMapped(FieldMapping.skipHours, target: .feed, key: key, attributes: attributes, frame: frame)
        case .skipDays:
            return beginMapped(FieldMapping.skipDays, target: .feed, key: key, attributes: attributes, frame: frame)
        case .entry:
            return dispatchInEntry(key, attributes: attributes, frame: frame)
        case .plain:
            return dispatchInFeed(key, attributes: attributes, frame: frame)
        }
    }

    func dispatchInFeed(_ key: ElementKey, attributes: AttributeList, frame: Frame) -> Role {
        if isEntry(key) {
            entry = EntryDraft()
            entry!.language.offer(frame.language, rank: .fallback(10))
            if let about = attributes[namespace: XMLNames.rdfNamespace, "about"] { entry!.id.offer(about, rank: .fallback(10)) }
            return .entry
        }
        switch (key.vocabulary, key.name) {
        case (.rss, "image"): return .image
        case (.rss, "textinput"), (.atom, "contributor"), (.atom03, "contributor"), (.rss, "item"): return .ignored
        case (.rss, "skiphours"): return .skipHours
        case (.rss, "skipdays"): return .skipDays
        case (.atom, "author"), (.atom03, "author"):
            person = Author()
            return .person(ofEntry: false)
        case (.itunes, "image"):
            let href = attributes["href"].map { URLResolver.resolve($0, against: frame.base) }
            feed.icon.offer(href, rank: FieldRank(nesting: 0, priority: 6))
            return .plain
        case (.itunes, "category"):
            // feedparser lists nested iTunes categories too (`Technology`, then `Podcasting` inside it).
            if let text = attributes["text"] { feed.addCategory(text) }
            return .plain
        case (.atom, "category"), (.atom03, "category"):
            if let term = attributes["term"] ?? attributes["label"] { feed.addCategory(term) }
            return .plain
        default:
            if isAtomLink(key) {
                let link = AtomLink(attributes, base: frame.base)
                if link.isAlternatePage { feed.link.offer(link.href, rank: linkRank(), keepLatest: true) }
                return .plain
            }
            return beginMapped(FieldMapping.feed, target: .feed, key: key, attributes: attributes, frame: frame)
        }
    }

    func dispatchInEntry(_ key: ElementKey, attributes: AttributeList, frame: Frame) -> Role {
        switch (key.vocabulary, key.name) {
        case (.atom, "author"), (.atom03, "author"):
            person = Author()
            return .person(ofEntry: true)
        case (.atom, "contributor"), (.atom03, "contributor"):
            return .ignored
        case (.atom, "source"):
            sourceFeed = SourceFeed()
            return .source
        case (.atom, "category"), (.atom03, "category"):
            if let term = attributes["term"] ?? attributes["label"] { entry?.addCategory(term) }
            return .plain
        case (.itunes, "category"):
            if let text = attributes["text"] { entry?.addCategory(text) }
            return .plain
        // A media:thumbnail is a picture of the entry, not an attachment (feedparser keeps it apart).
        case (.rss, "enclosure"), (.media, "content"):
            if let url = attributes["url"] {
                let length = (attributes["length"] ?? attributes["filesize"]).flatMap { Int64($0.trimmingWhitespace()) }
                let type = attributes["type"]?.trimmingWhitespace()
                entry?.addEnclosure(Enclosure(url: URLResolver.resolve(url, against: frame.base),
                                              type: type?.isEmpty == false ? type : nil, length: length))
            }
            return .plain
        case (.rss, "source"):
            let url = attributes["url"].map { URLResolver.resolve($0, against: frame.base) }
            entry?.source = SourceFeed(feedURL: url)
            begin(FieldSlot(field: .title, priority: 0, kind: .text), target: .rssSource, key: key, attributes: attributes, frame: frame)
            return .plain
        default:
            if isAtomLink(key) {
                let link = AtomLink(attributes, base: frame.base)
                if link.isAlternatePage { entry?.link.offer(link.href, rank: linkRank(), keepLatest: true) }
                if link.rel == "enclosure", let href = link.href {
                    entry?.addEnclosure(Enclosure(url: href, type: link.type, length: link.length))
                }
                return .plain
            }
            return beginMapped(FieldMapping.entry, target: .entry, key: key, attributes: attributes, frame: frame)
        }
    }

    func isEntry(_ key: ElementKey) -> Bool {
        key == ElementKey(.rss, "item") || key == ElementKey(.atom, "entry") || key == ElementKey(.atom03, "entry")
    }

    /// The rank of an Atom `link` starting now: it beats an RSS `<link>` at the same level.
    func linkRank() -> FieldRank {
        FieldRank(nesting: nesting(), priority: -1)
    }

    /// Levels between an element starting now and its entry or feed (1: a direct child).
    func nesting() -> Int {
        frames.count + 1 - (frames.last?.contextDepth ?? 0)
    }

    func isAtomLink(_ key: ElementKey) -> Bool {
        key.name == "link" && (key.vocabulary == .atom || key.vocabulary == .atom03)
    }

    func beginMapped(
        _ table: [ElementKey: FieldSlot], target: CaptureTarget, key: ElementKey, attributes: AttributeList, frame: Frame
    ) -> Role {
        guard let slot = table[key] else { return .plain }
        begin(slot, target: target, key: key, attributes: attributes, frame: frame)
        return .plain
    }

    func begin(_ slot: FieldSlot, target: CaptureTarget, key: ElementKey, attributes: AttributeList, frame: Frame) {
        var kind = slot.kind
        var base64 = false
        if key.vocabulary == .atom || key.vocabulary == .atom03 {
            kind = AtomContentType.kind(type: attributes["type"], mode: attributes["mode"], default: slot.kind)
            base64 = attributes["mode"]?.trimmingWhitespace().lowercased() == "base64"
        } else if let type = attributes["type"], slot.field == .summary || slot.field == .content {
            kind = AtomContentType.kind(type: type, mode: nil, default: slot.kind)
        }
        var capture = TextCapture(slot: slot, target: target, key: key, kind: kind, depth: frames.count + 1,
                                  nesting: nesting(), base: frame.base, base64: base64, buffer: takeSpareBuffer())
        if key == ElementKey(.rss, "guid") { capture.guidIsPermaLink = attributes["ispermalink"]?.lowercased() != "false" }
        self.capture = capture
    }
}
