/// A document read as clean UTF-8, piece by piece: the streaming twin of `CharsetDecoder.decode` for the
/// encodings converted in Swift (UTF-8, and Windows-1252 with its subsets ISO-8859-1 and ASCII), with the
/// same choices, the same corrections and the same bytes out.
///
/// The pieces start at the first character that is not whitespace or a byte order mark; C0 control
/// characters XML forbids are removed on the way.
struct MarkupStream {
    /// How the document's bytes are turned into UTF-8.
    enum Reading: Equatable {
        /// UTF-8, checked as it goes: the reading stops at the first invalid sequence.
        case checkedUTF8
        /// UTF-8 already checked by an earlier reading, which found control characters or not.
        case provenUTF8(hasControls: Bool)
        /// Windows-1252 (every byte a character).
        case windows1252
    }

    /// How a reading ended.
    enum Ending: Equatable {
        case completed
        /// `.checkedUTF8` met bytes that are not UTF-8: the document must be read again as Windows-1252.
        case notUTF8
        /// The receiver asked to stop.
        case stopped
    }

    let document: any FeedDocument
    /// Bytes of the byte order mark `CharsetDecoder.choose` found, skipped.
    let bomLength: Int
    /// Control characters removed so far.
    private(set) var removedControls = 0

    init(document: any FeedDocument, bomLength: Int) {
        self.document = document
        self.bomLength = bomLength
    }

    /// Calls `emit` with consecutive pieces of clean UTF-8 until the end, an invalid sequence (when
    /// checking) or `emit` returning false.
    mutating func read(_ reading: Reading, emit: (UnsafeRawBufferPointer) -> Bool) throws(FeedParseError) -> Ending {
        var check = UTF8Check()
        var skipped = 0
        var leading = true
        var firstOutput = true
        var ending = Ending.completed
        var converted: [UInt8] = []
        var removed = 0
        try document.read { raw in
            var piece = raw
            if skipped < bomLength {
                let skip = min(bomLength - skipped, piece.count)
                skipped += skip
                piece = UnsafeRawBufferPointer(rebasing: piece[skip...])
            }
            guard !piece.isEmpty else { return true }
            // Bytes that pass unchanged are emitted as they are; others are rewritten into `converted` first.
            var rewrite = false
            switch reading {
            case .checkedUTF8:
                guard check.consume(piece.assumingMemoryBound(to: UInt8.self)) else {
                    ending = .notUTF8
                    return false
                }
                rewrite = check.hasControl
                if rewrite { converted = Array(piece) }
            case .provenUTF8(let hasControls):
                rewrite = hasControls
                if rewrite { converted = Array(piece) }
            case .windows1252:
                rewrite = true
                converted.removeAll(keepingCapacity: true)
                Windows1252.append(piece.assumingMemoryBound(to: UInt8.self), to: &converted)
            }
            if rewrite {
                removed += CharsetDecoder.removeControlCharacters(&converted)
                return converted.withUnsafeBytes { Self.emitAfterLeading($0, leading: &leading, first: &firstOutput, emit: emit, ending: &ending) }
            }
            return Self.emitAfterLeading(piece, leading: &leading, first: &firstOutput, emit: emit, ending: &ending)
        }
        removedControls = removed
        if ending == .completed, reading == .checkedUTF8 {
            check.finish()
            if !check.isValid { return .notUTF8 }
        }
        return ending
    }

    /// Skips a UTF-8 byte order mark at the very start of the output and the whitespace before the first
    /// character, then emits the rest of `piece`.
    private static func emitAfterLeading(
        _ piece: UnsafeRawBufferPointer, leading: inout Bool, first: inout Bool,
        emit: (UnsafeRawBufferPointer) -> Bool, ending: inout Ending
    ) -> Bool {
        var start = 0
        if first, !piece.isEmpty {
            first = false
            if piece.count >= 3, piece[0] == 0xEF, piece[1] == 0xBB, piece[2] == 0xBF { start = 3 }
        }
        if leading {
            while start < piece.count, [0x20, 0x09, 0x0A, 0x0D].contains(piece[start]) { start += 1 }
            guard start < piece.count else { return true }
            leading = false
        }
        guard emit(UnsafeRawBufferPointer(rebasing: piece[start...])) else {
            ending = .stopped
            return false
        }
        return true
    }
}
