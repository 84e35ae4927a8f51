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
    ///
    /// A document libxml2 reads without complaint is parsed once. Otherwise the repair passes (raw HTML
    /// wrapped in CDATA, stray ampersands escaped) run and the repaired text is parsed again, as feedparser
    /// falls back to its loose parser; `bozoMessage` keeps the first error of the original text.
    public func parse(_ bytes: [UInt8], documentURL: String?, httpCharset: String?) throws(FeedParseError) -> ParsedFeed {
        guard bytes.count <= options.maxBytes else { throw .tooLarge(limit: options.maxBytes) }
        let decoded = CharsetDecoder.decode(bytes, httpCharset: httpCharset)
        guard decoded.start < decoded.utf8.count else { throw .empty }
        var warnings = decoded.warnings
        var feed: ParsedFeed
        var error: SAXError?
        if decoded.utf8[decoded.start] == UInt8(ascii: "{") {
            feed = try JSONFeedParser.parse(decoded.utf8[decoded.start...], documentURL: documentURL)
        } else {
            var (builder, outcome) = read(decoded.utf8[decoded.start...], documentURL: documentURL)
            error = outcome.firstError
            if outcome.hadProblems {
                var repaired = decoded.utf8
                let wrapped = RawHTMLRepair.wrap(&repaired, from: decoded.start)
                let repair = MarkupRepair.escapeStrayAmpersands(&repaired, from: decoded.start)
                if wrapped > 0 { warnings.append("wrapped raw HTML of \(wrapped) element(s) in CDATA") }
                if repair.bareAmpersands > 0 { warnings.append("escaped \(repair.bareAmpersands) bare ampersand(s)") }
                if repair.unknownEntities > 0 { warnings.append("kept \(repair.unknownEntities) undefined entity reference(s) as text") }
                if wrapped > 0 || repair.bareAmpersands > 0 || repair.unknownEntities > 0 {
                    (builder, outcome) = read(repaired[decoded.start...], documentURL: documentURL)
                }
            }
            if outcome.htmlEntityReferences > 0, !MarkupRepair.declaresNetscapeDTD(decoded.utf8, from: decoded.start) {
                warnings.append("\(outcome.htmlEntityReferences) HTML entity reference(s) undefined in XML")
            }
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

    /// One SAX pass over UTF-8 markup into a fresh builder.
    private func read(_ markup: ArraySlice<UInt8>, documentURL: String?) -> (FeedSAXBuilder, SAXOutcome) {
        let builder = FeedSAXBuilder(documentURL: documentURL)
        let outcome = SAXPushParser.parse(utf8: markup, handler: builder)
        return (builder, outcome)
    }
}
