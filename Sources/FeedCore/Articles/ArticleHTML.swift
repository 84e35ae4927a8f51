/// Renders article blocks as HTML: `<h2>`, `<p>` and `<ul><li>` elements, one block a line.
///
/// Text is escaped exactly once (`&`, `<`, `>`, `"`): it is text, so an `&amp;` in it shows as `&amp;amp;`.
/// The output is built from slices of already valid Strings, so it is never validated again.
enum ArticleHTML {
    static func render(_ blocks: [ArticleBlock]) -> String {
        var output = ""
        output.reserveCapacity(blocks.reduce(0) { $0 + $1.byteCount + 16 })
        for block in blocks {
            if !output.isEmpty { output += "\n" }
            switch block {
            case .heading(let text): element("h2", text, into: &output)
            case .paragraph(let text): element("p", text, into: &output)
            case .list(let items):
                output += "<ul>"
                for item in items { element("li", item, into: &output) }
                output += "</ul>"
            }
        }
        return output
    }

    /// `text` with `&`, `<`, `>` and `"` replaced by entities.
    static func escape(_ text: String) -> String {
        var output = ""
        appendEscaped(text, to: &output)
        return output
    }

    private static func element(_ name: String, _ text: String, into output: inout String) {
        output += "<"
        output += name
        output += ">"
        appendEscaped(text, to: &output)
        output += "</"
        output += name
        output += ">"
    }

    private static func appendEscaped(_ text: String, to output: inout String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { buffer in
            var start = 0
            for (offset, entity) in EscapeScanner(buffer: buffer) {
                output += slice(of: text, from: start, to: offset)
                output += entity
                start = offset + 1
            }
            output += slice(of: text, from: start, to: buffer.count)
        }
        if done == nil {
            for scalar in text.unicodeScalars { output += entity(for: scalar) ?? String(scalar) }
        }
    }

    /// The text between two UTF-8 offsets that fall on ASCII bytes or the ends, so on scalar boundaries.
    private static func slice(of text: String, from start: Int, to end: Int) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        return text[lower..<utf8.index(lower, offsetBy: end - start)]
    }

    private static func entity(for scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        default: nil
        }
    }
}

/// The offsets of `&`, `<`, `>` and `"` in UTF-8 text, with their entities; skips clean text eight bytes at a time.
private struct EscapeScanner: Sequence, IteratorProtocol {
    let buffer: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func next() -> (Int, String)? {
        let raw = UnsafeRawBufferPointer(buffer)
        while index < buffer.count {
            if index + 8 <= buffer.count, !Self.needsEscaping(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            let offset = index
            index += 1
            switch buffer[offset] {
            case 0x26: return (offset, "&amp;")
            case 0x3C: return (offset, "&lt;")
            case 0x3E: return (offset, "&gt;")
            case 0x22: return (offset, "&quot;")
            default: continue
            }
        }
        return nil
    }

    /// Whether any of the eight bytes in `word` is `&`, `<`, `>` or `"` (the "has a zero byte" bit trick).
    @inline(__always)
    private static func needsEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let found = zeroBytes(word ^ (0x26 &* ones)) | zeroBytes(word ^ (0x3C &* ones))
            | zeroBytes(word ^ (0x3E &* ones)) | zeroBytes(word ^ (0x22 &* ones))
        return found != 0
    }
}
