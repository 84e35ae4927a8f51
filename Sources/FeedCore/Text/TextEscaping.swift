/// Plain text made into HTML or tidied, on UTF-8 bytes (these run for every polled entry).
enum TextEscaping {
    /// Runs of ASCII whitespace (and NBSP) collapsed to one space, ends trimmed.
    static func collapsingWhitespace(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0xA0:
                pendingSpace = !output.isEmpty
            default:
                if pendingSpace { output.append(" ") }
                pendingSpace = false
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Text as HTML paragraphs: blank lines separate `<p>`s; `&`, `<`, `>` escaped once.
    static func paragraphs(_ text: String) -> String {
        var html: [UInt8] = []
        html.reserveCapacity(text.utf8.count + 16)
        for paragraph in text.split(separator: "\n\n", omittingEmptySubsequences: true) {
            let trimmed = collapsingWhitespace(String(paragraph))
            guard !trimmed.isEmpty else { continue }
            if !html.isEmpty { html.append(0x0A) }
            html.append(contentsOf: Array("<p>".utf8))
            for byte in trimmed.utf8 {
                switch byte {
                case UInt8(ascii: "&"): html.append(contentsOf: Array("&amp;".utf8))
                case UInt8(ascii: "<"): html.append(contentsOf: Array("&lt;".utf8))
                case UInt8(ascii: ">"): html.append(contentsOf: Array("&gt;".utf8))
                default: html.append(byte)
                }
            }
            html.append(contentsOf: Array("</p>".utf8))
        }
        return String(decoding: html, as: UTF8.self)
    }
}
