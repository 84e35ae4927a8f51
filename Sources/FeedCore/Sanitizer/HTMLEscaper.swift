/// Appends text as HTML: `&`, `<`, `>` (and `"` in attribute values) escaped, runs of plain bytes copied whole.
///
/// Characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF)
/// are removed, so the result can be embedded in an Atom document.
enum HTMLEscaper {
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, quote: Bool, to output: inout [UInt8]) {
        let count = bytes.count
        var runStart = 0
        var index = 0
        let quoteByte = quote ? UInt8(ascii: "\"") : UInt8(ascii: "&")
        while index < count {
            // Eight bytes at a time while none needs a look.
            if index + 8 <= count {
                let word = ByteWord(bytes, at: index)
                if !word.hasByte(below: 0x20), !word.hasByte(UInt8(ascii: "&")), !word.hasByte(UInt8(ascii: "<")),
                    !word.hasByte(UInt8(ascii: ">")), !word.hasByte(0xEF), !word.hasByte(quoteByte)
                {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if isPlain(byte, quote: quote) {
                index += 1
                continue
            }
            if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case 0xEF:
                // U+FFFE and U+FFFF (EF BF BE, EF BF BF) go; any other character starting with EF stays.
                if index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
                    index += 2
                } else {
                    output.append(byte)
                }
            default:
                break  // a C0 control
            }
            index += 1
            runStart = index
        }
        if runStart < count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
    }

    /// Appends a string's UTF-8, escaped.
    static func append(_ text: String, quote: Bool, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, quote: quote, to: &output) }
    }

    /// Bytes copied as they are.
    @inline(__always)
    private static func isPlain(_ byte: UInt8, quote: Bool) -> Bool {
        if byte >= 0x3F { return byte != 0xEF }
        if byte >= 0x20 {
            return byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
                && (byte != UInt8(ascii: "\"") || !quote)
        }
        return byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
