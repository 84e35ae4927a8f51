/// Splits decoded UTF-8 text into normalised lines; LF, CRLF and a lone CR all end a line.
/// A line that held nothing but `XNUMX` tokens is left out.
enum ArticleLines {
    static func split(_ text: [UInt8]) -> [[UInt8]] {
        text.withUnsafeBufferPointer(split(buffer:))
    }

    private static func split(buffer: UnsafeBufferPointer<UInt8>) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = 0
        var index = 0
        let count = buffer.count
        while index <= count {
            let byte: UInt8 = index < count ? buffer[index] : 0x0A
            if byte == 0x0A || byte == 0x0D {
                if index < count || start < count,
                   let line = LineNormaliser.normalise(UnsafeBufferPointer(rebasing: buffer[start..<index])) {
                    lines.append(line)
                }
                if byte == 0x0D, index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        return lines
    }
}
