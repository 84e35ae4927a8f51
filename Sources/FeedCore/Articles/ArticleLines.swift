import Foundation

/// Splits decoded UTF-8 text into normalised lines; LF, CRLF and a lone CR all end a line.
/// A line that held nothing but `XNUMX` tokens is left out.
enum ArticleLines {
    static func split(_ text: [UInt8]) -> [[UInt8]] {
        text.withUnsafeBufferPointer(split(buffer:))
    }

    private static func split(buffer: UnsafeBufferPointer<UInt8>) -> [[UInt8]] {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return [] }
        let count = buffer.count
        var lines: [[UInt8]] = []
        var start = 0
        // Without any CR (the usual case) memchr finds each LF; otherwise every byte is looked at.
        let hasCR = memchr(base, 0x0D, count) != nil
        while start < count {
            var end = start
            if hasCR {
                while end < count, buffer[end] != 0x0A, buffer[end] != 0x0D { end += 1 }
            } else if let found = memchr(base + start, 0x0A, count - start) {
                end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            } else {
                end = count
            }
            if let line = LineNormaliser.normalise(UnsafeBufferPointer(rebasing: buffer[start..<end])) {
                lines.append(line)
            }
            if end < count, buffer[end] == 0x0D, end + 1 < count, buffer[end + 1] == 0x0A { end += 1 }
            start = end + 1
        }
        return lines
    }
}
