import FeedXML
import Foundation

/// Crude HTML-to-text for titles and reports: drops tags, decodes entities, collapses whitespace.
///
/// SEAM: the sanitiser's `plainText` replaces `ParsedPlainText.of` once it lands; keep callers going through here.
enum ParsedPlainText {
    static func of(_ content: ParsedContent) -> String {
        content.kind == .text ? content.value : stripTags(content.value)
    }

    static func stripTags(_ html: String) -> String {
        var output = ""
        var inTag = false
        for character in html {
            if inTag {
                if character == ">" { inTag = false }
            } else if character == "<" {
                inTag = true
            } else {
                output.append(character)
            }
        }
        return collapseWhitespace(decodeEntities(output))
    }

    /// Replaces `&name;`, `&#n;` and `&#xh;` (unknown names stay as written).
    static func decodeEntities(_ text: String) -> String {
        guard text.contains(Character("&")) else { return text }
        var output = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            if let semicolon = after.prefix(32).firstIndex(of: ";"), let decoded = decodeReference(after[..<semicolon]) {
                output.append(decoded)
                rest = after[after.index(after: semicolon)...]
            } else {
                output.append("&")
                rest = after
            }
        }
        return output + rest
    }

    private static func decodeReference(_ name: Substring) -> Character? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default: return HTMLEntityNames.character(named: String(name))
        }
    }

    static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
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
