import FeedXML

/// Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed documents as liberally as feedparser does.
///
/// Bytes in, model out: no I/O, no clock. A broken document is read as far as it goes and comes back
/// with `bozo` set; only a document that is no feed at all throws.
public struct FeedParser: Sendable {
    public var options: FeedParserOptions

    public init(options: FeedParserOptions = .init()) {
        self.options = options
    }

    /// Parses one document. `documentURL` resolves relative links; `httpCharset` is the Content-Type
    /// charset when the document was fetched over HTTP.
    public func parse(_ bytes: [UInt8], documentURL: String?, httpCharset: String?) throws(FeedParseError) -> ParsedFeed {
        guard bytes.count <= options.maxBytes else { throw .tooLarge(limit: options.maxBytes) }
        let decoded = CharsetDecoder.decode(bytes, httpCharset: httpCharset)
        guard decoded.start < decoded.utf8.count else { throw .empty }
        var feed: ParsedFeed
        var error: SAXError?
        var warnings = decoded.warnings
        if decoded.utf8[decoded.start] == UInt8(ascii: "{") {
            feed = try JSONFeedParser.parse(decoded.utf8[decoded.start...], documentURL: documentURL)
        } else {
            var utf8 = decoded.utf8
            let wrapped = RawHTMLRepair.wrap(&utf8, from: decoded.start)
            if wrapped > 0 { warnings.append("wrapped raw HTML of \(wrapped) element(s) in CDATA") }
            let repair = MarkupRepair.escapeStrayAmpersands(&utf8, from: decoded.start)
            if repair.bareAmpersands > 0 { warnings.append("escaped \(repair.bareAmpersands) bare ampersand(s)") }
            if repair.htmlEntities > 0 { warnings.append("\(repair.htmlEntities) HTML entity reference(s) undefined in XML") }
            if repair.unknownEntities > 0 { warnings.append("kept \(repair.unknownEntities) undefined entity reference(s) as text") }
            let markup = utf8[decoded.start...]
            let builder = FeedSAXBuilder(documentURL: documentURL)
            error = SAXPushParser.parse(utf8: markup, handler: builder)
            guard let format = builder.format else {
                throw .notAFeed(builder.rootDescription ?? error.map { "no root element (\($0))" } ?? "no root element")
            }
            feed = builder.build(format: format)
        }
        feed.entries = EntryIdentity.assignIDs(feed.entries)
        feed.warnings = warnings + (error.map { [$0.description] } ?? [])
        feed.bozo = !feed.warnings.isEmpty
        feed.bozoMessage = error?.description ?? warnings.first
        return feed
    }
}
