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

    /// Parses one document held in memory. `documentURL` resolves relative links; `httpCharset` is the
    /// Content-Type charset when the document was fetched over HTTP.
    public func parse(_ bytes: [UInt8], documentURL: String?, httpCharset: String?) throws(FeedParseError) -> ParsedFeed {
        let collector = ParsedEntryCollector()
        var feed = try parse(InMemoryDocument(bytes), documentURL: documentURL, httpCharset: httpCharset, into: collector)
        feed.entries = collector.entries
        return feed
    }

    /// Parses one document piece by piece, handing each entry to `sink` as soon as it is complete; the
    /// feed returned has no entries. Memory follows one entry, not the document.
    ///
    /// UTF-8 and Windows-1252 documents (and the subsets of the latter) are converted and parsed as they
    /// are read; other encodings, JSON Feed and the repair passes read the document whole. A document
    /// libxml2 reads without complaint is parsed once. Otherwise the repair passes (raw HTML wrapped in
    /// CDATA, stray ampersands escaped) run and the repaired text is parsed again, as feedparser falls back
    /// to its loose parser: the sink then restarts. `bozoMessage` keeps the first error of the original text.
    public func parse(
        _ document: some FeedDocument, documentURL: String?, httpCharset: String?, into sink: some ParsedEntrySink
    ) throws(FeedParseError) -> ParsedFeed {
        guard document.byteCount <= options.maxBytes else { throw .tooLarge(limit: options.maxBytes) }
        let choice = CharsetDecoder.choose(head: try document.prefix(CharsetDecoder.headLength), httpCharset: httpCharset)
        var warnings = choice.warnings
        var reading: MarkupStream.Reading
        switch choice.encoding {
        case nil, "utf-8":
            reading = .checkedUTF8
        case "windows-1252", "iso-8859-1", "us-ascii":
            var check = UTF8Check()
            var skipped = 0
            try document.read { piece in
                // The byte order mark is not part of the text the check looks at.
                let skip = min(max(choice.bomLength - skipped, 0), piece.count)
                skipped += skip
                return check.consume(UnsafeRawBufferPointer(rebasing: piece[skip...]).assumingMemoryBound(to: UInt8.self))
            }
            check.finish()
            if check.isValid && check.hasMultibyte {
                reading = .provenUTF8(hasControls: check.hasControl)
                warnings.append(CharsetDecoder.provedUTF8Warning(declared: choice.encoding!))
            } else {
                reading = .windows1252
            }
        default:
            return try parseWhole(document, documentURL: documentURL, httpCharset: httpCharset, into: sink)
        }
        var stream = MarkupStream(document: document, bomLength: choice.bomLength)
        var pass = try streamingPass(&stream, reading: reading, documentURL: documentURL, sink: sink)
        if case .notUTF8 = pass {
            // Nothing declared: another encoding may fit better than Windows-1252 (read whole, converted).
            if choice.encoding == nil,
               CharsetDetector.detect(try document.prefix(CharsetDetector.windowLength + 1)[...]) != CharsetDetector.fallback {
                return try parseWhole(document, documentURL: documentURL, httpCharset: httpCharset, into: sink)
            }
            sink.restart()
            warnings.append(CharsetDecoder.notUTF8Warning(declared: choice.encoding))
            reading = .windows1252
            pass = try streamingPass(&stream, reading: reading, documentURL: documentURL, sink: sink)
        }
        switch pass {
        case .notUTF8, .json:
            return try parseWhole(document, documentURL: documentURL, httpCharset: httpCharset, into: sink)
        case .empty:
            throw .empty
        case let .parsed(builder, outcome, head):
            if stream.removedControls > 0 { warnings.append(CharsetDecoder.removedControlsWarning(stream.removedControls)) }
            guard outcome.hadProblems else {
                return try finish(builder, outcome: outcome, error: nil, head: head, warnings: warnings)
            }
            // The repair passes work on the whole text: read it again, decoded as a whole.
            let decoded = CharsetDecoder.decode(try document.readAll(), httpCharset: httpCharset)
            return try repairAndFinish(decoded, builder: builder, outcome: outcome, documentURL: documentURL, sink: sink)
        }
    }

    /// What one streaming pass produced.
    private enum Pass {
        case parsed(FeedSAXBuilder, SAXOutcome, head: [UInt8])
        case notUTF8, json, empty
    }

    /// Reads the document once through `stream` into a fresh builder.
    private func streamingPass(
        _ stream: inout MarkupStream, reading: MarkupStream.Reading, documentURL: String?, sink: some ParsedEntrySink
    ) throws(FeedParseError) -> Pass {
        let builder = FeedSAXBuilder(documentURL: documentURL, sink: sink, deadline: options.deadline)
        let parser = SAXPushParser(handler: builder)
        var head: [UInt8] = []
        var isJSON = false
        let ending = try stream.read(reading) { piece in
            if head.isEmpty, piece.first == UInt8(ascii: "{") {
                isJSON = true
                return false
            }
            if head.count < Self.headLength { head.append(contentsOf: piece.prefix(Self.headLength - head.count)) }
            parser.push(piece)
            return !builder.timedOut
        }
        if builder.timedOut { throw .timedOut }
        switch ending {
        case .notUTF8: return .notUTF8
        case .stopped: return isJSON ? .json : .empty
        case .completed: return head.isEmpty ? .empty : .parsed(builder, parser.finish(), head: head)
        }
    }

    /// How much of the markup's start is kept to look for a DOCTYPE.
    private static let headLength = 1_024

    /// The document read whole (other encodings, JSON Feed), decoded by `CharsetDecoder`.
    private func parseWhole(
        _ document: some FeedDocument, documentURL: String?, httpCharset: String?, into sink: some ParsedEntrySink
    ) throws(FeedParseError) -> ParsedFeed {
        sink.restart()
        let decoded = CharsetDecoder.decode(try document.readAll(), httpCharset: httpCharset)
        guard decoded.start < decoded.utf8.count else { throw .empty }
        if decoded.utf8[decoded.start] == UInt8(ascii: "{") {
            var feed = try JSONFeedParser.parse(decoded.utf8[decoded.start...], documentURL: documentURL)
            var identity = EntryIdentity()
            for entry in feed.entries { sink.receive(identity.assign(entry)) }
            feed.entries = []
            feed.warnings = decoded.warnings
            feed.bozo = !feed.warnings.isEmpty
            feed.bozoMessage = decoded.warnings.first
            return feed
        }
        let builder = FeedSAXBuilder(documentURL: documentURL, sink: sink, deadline: options.deadline)
        let outcome = SAXPushParser.parse(utf8: decoded.utf8[decoded.start...], handler: builder)
        guard outcome.hadProblems else {
            let head = Array(decoded.utf8[decoded.start..<min(decoded.utf8.count, decoded.start + Self.headLength)])
            return try finish(builder, outcome: outcome, error: nil, head: head, warnings: decoded.warnings)
        }
        return try repairAndFinish(decoded, builder: builder, outcome: outcome, documentURL: documentURL, sink: sink)
    }

    /// Runs the repair passes over a document libxml2 complained about and parses the repaired text again
    /// when they changed something.
    private func repairAndFinish(
        _ decoded: DecodedDocument, builder first: FeedSAXBuilder, outcome firstOutcome: SAXOutcome, documentURL: String?,
        sink: some ParsedEntrySink
    ) throws(FeedParseError) -> ParsedFeed {
        var warnings = decoded.warnings
        var builder = first
        var outcome = firstOutcome
        var repaired = decoded.utf8
        let wrapped = RawHTMLRepair.wrap(&repaired, from: decoded.start)
        let repair = MarkupRepair.escapeStrayAmpersands(&repaired, from: decoded.start, declared: firstOutcome.expandedEntityNames)
        if wrapped > 0 { warnings.append("wrapped raw HTML of \(wrapped) element(s) in CDATA") }
        if repair.bareAmpersands > 0 { warnings.append("escaped \(repair.bareAmpersands) bare ampersand(s)") }
        if repair.unknownEntities > 0 { warnings.append("kept \(repair.unknownEntities) undefined entity reference(s) as text") }
        if wrapped > 0 || repair.bareAmpersands > 0 || repair.unknownEntities > 0 {
            sink.restart()
            builder = FeedSAXBuilder(documentURL: documentURL, sink: sink, deadline: options.deadline)
            outcome = SAXPushParser.parse(utf8: repaired[decoded.start...], handler: builder)
        }
        let head = Array(decoded.utf8[decoded.start..<min(decoded.utf8.count, decoded.start + Self.headLength)])
        return try finish(builder, outcome: outcome, error: firstOutcome.firstError, head: head, warnings: warnings)
    }

    /// The feed from a finished builder, with its warnings and bozo flag; `error` is the first error of the
    /// original text (nil when libxml2 had none).
    private func finish(
        _ builder: FeedSAXBuilder, outcome: SAXOutcome, error: SAXError?, head: [UInt8], warnings: [String]
    ) throws(FeedParseError) -> ParsedFeed {
        if builder.timedOut { throw .timedOut }
        var warnings = warnings
        if let namespaceWarning = builder.namespaceWarning { warnings.append(namespaceWarning) }
        if builder.tooDeep {
            warnings.append("elements nested deeper than \(FeedSAXBuilder.maxDepth) levels; what lay deeper was skipped")
        }
        if outcome.refusedEntities > 0 {
            warnings.append("\(outcome.refusedEntities) entity declaration(s) or reference(s) past the expansion bounds left undefined")
        }
        if outcome.htmlEntityReferences > 0, !MarkupRepair.declaresNetscapeDTD(head, from: 0) {
            warnings.append("\(outcome.htmlEntityReferences) HTML entity reference(s) undefined in XML")
        }
        guard let format = builder.format else {
            throw .notAFeed(builder.rootDescription ?? error.map { "no root element (\($0))" } ?? "no root element")
        }
        var feed = builder.build(format: format)
        feed.warnings = warnings + (error.map { [$0.description] } ?? [])
        feed.bozo = !feed.warnings.isEmpty
        feed.bozoMessage = error?.description ?? warnings.first
        return feed
    }
}
