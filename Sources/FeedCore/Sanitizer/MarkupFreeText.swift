/// Input that libxml2's HTML parser would read as one run of text, unchanged: what the sanitiser
/// then gives is worked out from the bytes, without a parse (most titles and many summaries).
///
/// That is UTF-8 with no `<` (no markup) and no `&` (no character reference), and none of the
/// characters the parser drops or rewrites: C0 controls other than tab and line feed (carriage
/// returns are rewritten), U+FFFE and U+FFFF (not XML characters).
enum MarkupFreeText {
    /// Whether `bytes` is such text.
    static func isMarkupFree(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = ByteWord(bytes, at: index)
                if !word.hasByte(below: 0x20), !word.hasByte(UInt8(ascii: "<")), !word.hasByte(UInt8(ascii: "&")),
                    !word.hasByte(0xEF)
                {
                    index += 8
                    continue
                }
            }
            switch bytes[index] {
            case UInt8(ascii: "<"), UInt8(ascii: "&"): return false
            case 0x09, 0x0A: break
            case 0x00..<0x20: return false
            case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE: return false
            default: break
            }
            index += 1
        }
        return true
    }

    /// The sanitised HTML of markup-free text: escaped, trimmed of surrounding whitespace.
    static func html(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        HTMLEscaper.append(bytes, quote: false, to: &output)
        var start = 0
        var end = output.count
        while start < end, output[start] <= 0x20 { start += 1 }
        while end > start, output[end - 1] <= 0x20 { end -= 1 }
        return String(decoding: output[start..<end], as: UTF8.self)
    }

    /// The plain text of markup-free text: its whitespace collapsed.
    static func plainText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        HTMLPlainText.collapsingWhitespace(Array(bytes))
    }
}
