/// A feed document read piece by piece from its start, as many times as the parser needs (a second
/// reading happens only for documents that need repair or another encoding).
///
/// The parser never holds more than a piece of a document it can stream, so a file can be parsed
/// without being loaded: see `FeedParser.parse(_:documentURL:httpCharset:into:)`.
public protocol FeedDocument {
    /// The document's size in bytes, known before it is read (checked against the parser's cap).
    var byteCount: Int { get }

    /// Calls `body` with consecutive pieces of the document from its start, until the end or until
    /// `body` returns false. A piece is valid only during the call.
    func read(_ body: (UnsafeRawBufferPointer) -> Bool) throws(FeedParseError)
}

extension FeedDocument {
    /// The whole document in memory.
    func readAll() throws(FeedParseError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        try read { piece in
            bytes.append(contentsOf: piece)
            return true
        }
        return bytes
    }

    /// The first `count` bytes (fewer when the document is shorter).
    func prefix(_ count: Int) throws(FeedParseError) -> [UInt8] {
        var bytes: [UInt8] = []
        try read { piece in
            bytes.append(contentsOf: piece.prefix(count - bytes.count))
            return bytes.count < count
        }
        return bytes
    }
}

/// A document already in memory (a fetched body), handed out in pieces (64 KiB unless told).
public struct InMemoryDocument: FeedDocument {
    public let bytes: [UInt8]
    public let pieceSize: Int
    public var byteCount: Int { bytes.count }

    public init(_ bytes: [UInt8], pieceSize: Int = 64 << 10) {
        self.bytes = bytes
        self.pieceSize = max(1, pieceSize)
    }

    public func read(_ body: (UnsafeRawBufferPointer) -> Bool) throws(FeedParseError) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let end = min(offset + pieceSize, buffer.count)
                guard body(UnsafeRawBufferPointer(rebasing: buffer[offset..<end])) else { return }
                offset = end
            }
        }
    }
}
