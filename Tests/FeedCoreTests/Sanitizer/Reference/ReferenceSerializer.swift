@testable import FeedCore
import FeedXML

/// The test oracle's writer (as written before `SanitizingWriter`): writes `HTMLNode`s as HTML: exact escaping, attributes in order, void elements without end tags.
///
/// Text escapes `&`, `<` and `>`; attribute values are double-quoted and escape `"` too. Characters
/// XML 1.0 forbids (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF) are
/// removed, so the result can be embedded in an Atom document.
enum ReferenceSerializer {
    static func serialize(_ nodes: [HTMLNode]) -> String {
        var output: [UInt8] = []
        write(nodes, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func write(_ nodes: [HTMLNode], to output: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let text):
                escape(text, quote: false, to: &output)
            case .element(let name, let attributes, let children):
                output.append(UInt8(ascii: "<"))
                output.append(contentsOf: name.utf8)
                for attribute in attributes {
                    output.append(UInt8(ascii: " "))
                    output.append(contentsOf: attribute.name.utf8)
                    output.append(contentsOf: "=\"".utf8)
                    escape(attribute.value, quote: true, to: &output)
                    output.append(UInt8(ascii: "\""))
                }
                output.append(UInt8(ascii: ">"))
                if HTMLNode.voidElements.contains(name) { continue }
                write(children, to: &output)
                output.append(contentsOf: "</".utf8)
                output.append(contentsOf: name.utf8)
                output.append(UInt8(ascii: ">"))
            }
        }
    }

    /// Appends `text` escaped, as UTF-8, without the characters XML forbids (C0 controls but tab, LF and CR;
    /// U+FFFE and U+FFFF). Works on the UTF-8 bytes: this runs over every character published.
    private static func escape(_ text: String, quote: Bool, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): if quote { output.append(contentsOf: "&quot;".utf8) } else { output.append(byte) }
                case 0x09, 0x0A, 0x0D: output.append(byte)
                case 0x00..<0x20: break
                case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    index += 3
                    continue
                default: output.append(byte)
                }
                index += 1
            }
        }
    }
}
