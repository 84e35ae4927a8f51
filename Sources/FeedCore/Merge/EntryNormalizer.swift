import Foundation

/// Turns a parsed entry into a publishable `Entry`: plain-text title and summary, sanitised HTML content,
/// dates that never drift, and the source feed it came from.
public struct EntryNormalizer: Sendable {
    public var sanitizer: HTMLSanitizer
    /// Longest plain-text summary kept, in characters (longer ones end with "…").
    public var summaryLimit: Int
    /// Tagging authority for ids that are not absolute IRIs (Atom §4.2.6 requires one).
    public var tagAuthority: String

    public init(sanitizer: HTMLSanitizer = HTMLSanitizer(), summaryLimit: Int = 600, tagAuthority: String = "feedd.invalid,2026") {
        self.sanitizer = sanitizer
        self.summaryLimit = summaryLimit
        self.tagAuthority = tagAuthority
    }

    /// The entry id to publish: the publisher's when it is an absolute IRI, else a `tag:` IRI scoped to the
    /// source (`tag:<authority>:src-<hash of feed URL>:<id>`), so a bare "123" from two feeds stays two entries.
    /// An id with a scheme that runs or reveals something when followed (`javascript:`, `data:`, `file:`…) is
    /// scoped the same way: readers that take an id for a link when an entry has none must not get it.
    /// An absolute id with characters no IRI may hold (`<`, `"`, a stray `%`…) has them percent-encoded: Atom
    /// requires an IRI, and readers compare ids as strings, so this is the one spelling ever published.
    public func publishedID(_ id: String, feedURL: String) -> String {
        if EntryNormalizer.isAbsoluteIRI(id), !Self.activeSchemes.contains(URLFilter.scheme(of: id) ?? "") {
            return Self.escapingIRIForbidden(id)
        }
        var hasher = FNV1a64()
        hasher.add(feedURL)
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~!$&'()*+,;=:@/?"))
        let escaped = id.addingPercentEncoding(withAllowedCharacters: allowed) ?? hasher.hex
        return "tag:\(tagAuthority):src-\(hasher.hex):\(escaped)"
    }

    /// `text` with the characters RFC 3987 allows in no IRI percent-encoded: controls, space, `<>"{}|\^` and
    /// the backtick, and a `%` that starts no escape. Everything else, non-ASCII included, stays.
    static func escapingIRIForbidden(_ text: String) -> String {
        let bytes = Array(text.utf8)
        return URIPercentEncoding.encoding(bytes) { index in
            switch bytes[index] {
            case 0x00...0x20, 0x7F, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: false
            case 0x25: URIPercentEncoding.startsEscape(bytes, at: index)
            default: true
            }
        }
    }

    /// Schemes an id must not keep.
    static let activeSchemes: Set<String> = ["javascript", "vbscript", "livescript", "data", "file", "blob", "about", "jar"]

    /// `scheme:rest` with an RFC 3986 scheme and no whitespace.
    static func isAbsoluteIRI(_ text: String) -> Bool {
        // On the bytes: this runs for every entry of every poll, and CharacterSet lookups showed in the profile.
        var sawColon = false, schemeLength = 0, afterColon = 0, hasNonASCII = false
        for byte in text.utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) { return false }
            if byte >= 0x80 { hasNonASCII = true }
            if sawColon {
                afterColon += 1
                continue
            }
            if byte == UInt8(ascii: ":") {
                sawColon = true
                continue
            }
            let isLetter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            let isSchemeByte = isLetter || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard schemeLength == 0 ? isLetter : isSchemeByte else { return false }
            schemeLength += 1
        }
        guard sawColon, schemeLength > 0, afterColon > 0 else { return false }
        // Unicode whitespace (no-break space, ideographic space…) also disqualifies.
        return !hasNonASCII || !text.contains(where: \.isWhitespace)
    }

    /// An entry ready to store: final but for its body, which is kept as written until the entry is
    /// published (`finish`), and a hash of its content (title, link, summary, content) for change detection.
    public struct Prepared: Sendable {
        public var entry: Entry
        /// `nil` when the entry has no body, or needed it at once (an untitled entry takes its title from it).
        public var body: PendingBody?
        public var contentHash: String
    }

    /// The entry with its body sanitised at once, and its content hash: `prepare` then `finish`.
    public func normalize(
        _ parsed: ParsedEntry, feed: ParsedFeed, feedURL: String, category: String?, firstSeen: Date
    ) -> (entry: Entry, contentHash: String) {
        let prepared = prepare(parsed, feed: feed, feedURL: feedURL, category: category, firstSeen: firstSeen)
        return (finish(prepared.entry, body: prepared.body), prepared.contentHash)
    }

    /// Everything of the entry but its body, which only `finish` reads (HTML parsing and sanitising are most
    /// of a poll's work, and most stored entries are never published).
    ///
    /// Dates: `published` is the entry's published date, else its updated date, else `firstSeen` (the
    /// first time feedd saw it, which the caller keeps), never the time of this poll; `updated` is the
    /// entry's updated date, else `published`.
    public func prepare(
        _ parsed: ParsedEntry, feed: ParsedFeed, feedURL: String, category: String?, firstSeen: Date
    ) -> Prepared {
        let title = parsed.title.map(plainText) ?? ""
        var body: PendingBody?
        if parsed.summary != nil || parsed.content != nil {
            let base = Self.bodyBase((parsed.content ?? parsed.summary)?.baseURL, entryLink: parsed.link, feedLink: feed.link)
            body = PendingBody(summary: parsed.summary.map(capped), content: parsed.content.map(capped), base: base)
        }
        let published = parsed.published ?? parsed.updated ?? firstSeen
        let updated = max(parsed.updated ?? published, published)
        var categories = parsed.categories
        if let category, !categories.contains(category) { categories.append(category) }
        // A local file's path is never published: such a source is known by its feed's own id and link.
        let isLocal = feedURL.hasPrefix("file:")
        let source = SourceFeed(
            id: feed.id ?? (isLocal ? feed.link : feedURL),
            title: feed.title.map(plainText),
            link: feed.link,
            feedURL: isLocal ? nil : feedURL,
            // RSS channels often date themselves only by `pubDate` (feedparser's `published`).
            updated: feed.updated ?? feed.published
        )
        var entry = Entry(
            id: publishedID(parsed.id, feedURL: feedURL),
            title: title,
            link: parsed.link,
            published: published,
            updated: updated,
            language: parsed.language ?? feed.language,
            authors: PeopleMerger.merged(parsed.authors.isEmpty ? feed.authors : parsed.authors),
            categories: categories,
            enclosures: parsed.enclosures,
            source: parsed.source ?? source
        )
        var hasher = FNV1a64()
        for part in [title, parsed.link ?? ""] + Self.hashParts(body) {
            hasher.add(part)
            hasher.add(0)
        }
        if title.isEmpty {
            entry = finish(entry, body: body)
            entry.title = entry.summary.map { String($0.prefix(80)) } ?? parsed.link ?? "(untitled)"
            body = nil
        }
        return Prepared(entry: entry, body: body, contentHash: hasher.hex)
    }

    /// The entry with its plain-text summary and sanitised HTML content made from `body`. The body is parsed
    /// once: sanitised HTML and its text (the summary when the entry has none of its own).
    public func finish(_ entry: Entry, body: PendingBody?) -> Entry {
        guard let body else { return entry }
        var contentHTML: String?
        var bodyText: String?
        // The body's text is only needed when the entry has no summary of its own.
        let needsText = body.content == nil || body.summary == nil
        if let raw = body.content ?? body.summary {
            switch raw.kind {
            case .text:
                contentHTML = TextEscaping.paragraphs(raw.value)
                bodyText = needsText ? TextEscaping.collapsingWhitespace(raw.value) : nil
            case .html, .xhtml:
                if needsText {
                    (contentHTML, bodyText) = sanitizer.sanitizeWithText(raw.value, baseURL: body.base)
                } else {
                    contentHTML = sanitizer.sanitize(raw.value, baseURL: body.base)
                }
            }
        }
        var summary = body.content == nil ? bodyText : (body.summary.map(plainText) ?? bodyText)
        // Counting characters is costly; most summaries are short enough by their byte count alone.
        if let text = summary, text.utf8.count > summaryLimit, text.unicodeScalars.count > summaryLimit {
            var cut = String.UnicodeScalarView(text.unicodeScalars.prefix(summaryLimit))
            while let last = cut.last, last == " " { cut.removeLast() }
            summary = String(cut) + "…"
        }
        if summary?.isEmpty == true { summary = nil }
        var finished = entry
        finished.summary = summary
        finished.contentHTML = contentHTML
        return finished
    }

    /// HTML past the sanitiser's input cap is never read; it is not kept either.
    private func capped(_ content: ParsedContent) -> ParsedContent {
        guard content.kind != .text, content.value.utf8.count > sanitizer.policy.maxInputBytes else { return content }
        var cut = content
        cut.value = HTMLSanitizer.truncated(content.value, toBytes: sanitizer.policy.maxInputBytes)
        return cut
    }

    /// What of a body its content hash covers: everything `finish` reads.
    static func hashParts(_ body: PendingBody?) -> [String] {
        guard let body else { return ["", "", ""] }
        return [body.summary, body.content].map { part in part.map { $0.kind.rawValue + ":" + $0.value } ?? "" }
            + [body.base ?? ""]
    }

    /// What relative URLs in a body resolve against: its `xml:base` or the feed's own URL when that is a
    /// public http(s) URL, else the entry's link, else the feed's site (a local file's path means nothing to
    /// a reader, and RSS and JSON Feed have no `xml:base` to carry a relative URL).
    static func bodyBase(_ base: String?, entryLink: String?, feedLink: String?) -> String? {
        for candidate in [base, entryLink, feedLink] {
            if let candidate, PublishableURL.make(candidate) != nil { return candidate }
        }
        return base
    }

    /// The plain text of a parsed title or summary.
    public func plainText(_ content: ParsedContent) -> String {
        switch content.kind {
        case .text: return TextEscaping.collapsingWhitespace(content.value)
        case .html, .xhtml: return sanitizer.plainText(content.value)
        }
    }
}
