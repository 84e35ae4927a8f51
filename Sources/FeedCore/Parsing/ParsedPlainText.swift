import FeedXML
import Foundation

/// Plain text of parsed titles and subtitles: text as written, HTML through the sanitiser's `plainText`
/// (libxml2's HTML parser: tags dropped, entities decoded, script and style left out, whitespace collapsed).
public enum ParsedPlainText {
    public static func of(_ content: ParsedContent) -> String {
        content.kind == .text ? content.value : HTMLSanitizer().plainText(content.value)
    }

    /// feedparser's test: a closing tag or an entity reference makes a "plain text" value HTML.
    static func looksLikeHTML(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func isAlphanumeric(_ byte: UInt8) -> Bool { (48...57).contains(byte) || ((byte | 0x20) >= 97 && (byte | 0x20) <= 122) }
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "<"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                var cursor = index + 2
                while cursor < bytes.count, isAlphanumeric(bytes[cursor]) { cursor += 1 }
                if cursor > index + 2, cursor < bytes.count, bytes[cursor] == UInt8(ascii: ">") { return true }
            } else if byte == UInt8(ascii: "&") {
                var cursor = index + 1
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "#") { cursor += 1 }
                let start = cursor
                while cursor < bytes.count, isAlphanumeric(bytes[cursor]) { cursor += 1 }
                if cursor > start, cursor < bytes.count, bytes[cursor] == UInt8(ascii: ";") { return true }
            }
        }
        return false
    }
}
