/// Plain text made into HTML or tidied, on UTF-8 bytes (these run for every polled entry).
enum TextEscaping {
    /// Runs of ASCII whitespace (and NBSP, U+00A0) collapsed to one space, ends trimmed.
    static func collapsingWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            collapse(bytes, into: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Text as HTML paragraphs: blank lines separate `<p>`s; `&`, `<`, `>` escaped once.
    static func paragraphs(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var html: [UInt8] = []
            html.reserveCapacity(bytes.count + 16)
            var paragraph: [UInt8] = []
            var start = 0
            var index = 0
            func flush(_ end: Int) {
                paragraph.removeAll(keepingCapacity: true)
                collapse(UnsafeBufferPointer(rebasing: bytes[start..<end]), into: &paragraph)
                guard !paragraph.isEmpty else { return }
                if !html.isEmpty { html.append(0x0A) }
                html.append(contentsOf: [0x3C, 0x70, 0x3E])  // <p>
                for byte in paragraph {
                    switch byte {
                    case 0x26: html.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                    case 0x3C: html.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
                    case 0x3E: html.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
                    default: html.append(byte)
                    }
                }
                html.append(contentsOf: [0x3C, 0x2F, 0x70, 0x3E])  // </p>
            }
            // A blank line: LF, optional CR/spaces/tabs, LF.
            while index < bytes.count {
                if bytes[index] == 0x0A {
                    var next = index + 1
                    while next < bytes.count, bytes[next] == 0x0D || bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
                    if next < bytes.count, bytes[next] == 0x0A {
                        flush(index)
                        start = next + 1
                        index = next + 1
                        continue
                    }
                }
                index += 1
            }
            flush(bytes.count)
            return String(decoding: html, as: UTF8.self)
        }
    }

    /// Appends `bytes` with whitespace runs (space, tab, LF, CR, FF, NBSP) as single spaces, trimmed.
    private static func collapse(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var pendingSpace = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            var width = 0
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C: width = 1
            case 0xC2 where index + 1 < count && bytes[index + 1] == 0xA0: width = 2
            default: break
            }
            if width > 0 {
                pendingSpace = !output.isEmpty
                index += width
                continue
            }
            if pendingSpace { output.append(0x20) }
            pendingSpace = false
            output.append(byte)
            index += 1
        }
    }
}
