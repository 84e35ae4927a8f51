/// Renders article blocks as HTML and fingerprints an article's normalised content.
enum ArticleRenderer {
    /// `<h2>`, `<p>` and `<ul><li>` elements, one block a line; text escaped once (`&`, `<`, `>`, `"`).
    static func html(_ blocks: [ArticleBlock]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(blocks.reduce(0) { $0 + $1.byteCount + 16 })
        for block in blocks {
            if !output.isEmpty { output.append(0x0A) }
            switch block {
            case .heading(let text): element("h2", text, into: &output)
            case .paragraph(let text): element("p", text, into: &output)
            case .list(let items):
                output.append(contentsOf: "<ul>".utf8)
                for item in items { element("li", item, into: &output) }
                output.append(contentsOf: "</ul>".utf8)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// FNV-1a 64 over title, link and blocks, separated by bytes normalised text cannot hold (US, RS, LF).
    static func contentHash(title: String, link: String?, blocks: [ArticleBlock]) -> String {
        var hasher = FNV1a64()
        hasher.add(title)
        hasher.add(0x0A)
        hasher.add(link ?? "")
        hasher.add(0x0A)
        for block in blocks {
            switch block {
            case .heading(let text):
                hasher.add([0x68, 0x1F])
                hasher.add(text)
            case .paragraph(let text):
                hasher.add([0x70, 0x1F])
                hasher.add(text)
            case .list(let items):
                hasher.add([0x6C, 0x1F])
                for item in items {
                    hasher.add(item)
                    hasher.add(0x1E)
                }
            }
            hasher.add(0x0A)
        }
        return hasher.hex
    }

    /// `text` with `&`, `<`, `>` and `"` replaced by entities.
    static func escape(_ text: String) -> String {
        var output: [UInt8] = []
        appendEscaped(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func element(_ name: String, _ text: String, into output: inout [UInt8]) {
        output.append(0x3C)
        output.append(contentsOf: name.utf8)
        output.append(0x3E)
        appendEscaped(text, to: &output)
        output.append(contentsOf: [0x3C, 0x2F])
        output.append(contentsOf: name.utf8)
        output.append(0x3E)
    }

    private static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendEscaped(buffer: $0, to: &output) }
    }

    private static func appendEscaped(buffer: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var start = 0
        for (index, byte) in buffer.enumerated() where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<index]))
            start = index + 1
            switch byte {
            case 0x26: output.append(contentsOf: "&amp;".utf8)
            case 0x3C: output.append(contentsOf: "&lt;".utf8)
            case 0x3E: output.append(contentsOf: "&gt;".utf8)
            default: output.append(contentsOf: "&quot;".utf8)
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
    }
}

extension ArticleBlock {
    /// UTF-8 length of the block's text.
    var byteCount: Int {
        switch self {
        case .heading(let text), .paragraph(let text): text.utf8.count
        case .list(let items): items.reduce(0) { $0 + $1.utf8.count + 9 }
        }
    }
}
