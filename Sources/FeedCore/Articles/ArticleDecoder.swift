import Foundation

/// Turns the raw bytes of an article file into valid UTF-8 bytes, without a byte order mark.
///
/// UTF-8 with or without a BOM; UTF-16 LE/BE with a BOM (or, without one, when every other byte is NUL);
/// anything that is not valid UTF-8 is read as Windows-1252 (WHATWG Encoding: "latin1" labels mean windows-1252).
/// More than 1% NUL bytes in the first 4 KB, and not UTF-16: a binary file. A stray NUL is dropped later.
enum ArticleDecoder {
    static func utf8(from bytes: [UInt8]) throws(ArticleError) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = Array(bytes[3...])
            return UTF8Check(rest).isValid ? rest : Windows1252.utf8(from: rest)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return UTF16Transcoder.utf8(from: bytes[2...], bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return UTF16Transcoder.utf8(from: bytes[2...], bigEndian: true) }
        let sample = bytes.prefix(4096)
        if sample.withUnsafeBufferPointer({ buffer in buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false }) {
            let nulCount = sample.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
            if let bigEndian = UTF16Transcoder.guessByteOrder(bytes) {
                return UTF16Transcoder.utf8(from: bytes[...], bigEndian: bigEndian)
            }
            if nulCount * 100 > sample.count {
                throw .undecodable("it holds NUL bytes, so it looks like a binary file")
            }
        }
        return UTF8Check(bytes).isValid ? bytes : Windows1252.utf8(from: bytes)
    }
}
