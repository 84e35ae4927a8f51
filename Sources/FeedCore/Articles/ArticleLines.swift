/// Splits decoded UTF-8 text into normalised lines; LF, CRLF and a lone CR all end a line.
enum ArticleLines {
    static func split(_ text: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        text.withUnsafeBufferPointer { buffer in
            var start = 0
            var index = 0
            let count = buffer.count
            while index < count {
                let byte = buffer[index]
                if byte == 0x0A || byte == 0x0D {
                    lines.append(LineNormaliser.normalise(UnsafeBufferPointer(rebasing: buffer[start..<index])))
                    if byte == 0x0D, index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
                    start = index + 1
                }
                index += 1
            }
            if start < count {
                lines.append(LineNormaliser.normalise(UnsafeBufferPointer(rebasing: buffer[start..<count])))
            }
        }
        return lines
    }
}
