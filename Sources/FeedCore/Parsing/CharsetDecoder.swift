import Foundation
import FeedXML

/// A document turned into clean UTF-8 for libxml2, with the corrections made on the way.
struct DecodedDocument {
    var utf8: [UInt8]
    /// Where the markup starts (after a BOM and leading whitespace).
    var start: Int
    var warnings: [String]
}

/// Picks a document's character encoding and converts it to UTF-8.
///
/// Order (RFC 7303 §3 and feedparser): HTTP charset, BOM, XML declaration, UTF-16 sniffing, UTF-8 when
/// the bytes are valid, then Windows-1252. A declaration the bytes contradict is corrected with a warning:
/// declared UTF-8 but invalid → Windows-1252; declared ISO-8859-1/ASCII/1252 but valid multibyte UTF-8 → UTF-8.
/// ISO-8859-1 is read as its superset Windows-1252 (as browsers do). C0 control characters are removed.
enum CharsetDecoder {
    static func decode(_ bytes: [UInt8], httpCharset: String?) -> DecodedDocument {
        var warnings: [String] = []
        let (bomEncoding, bomLength) = byteOrderMark(bytes)
        let declared = declaredEncoding(bytes, skipping: bomLength)
        let sniffed = bomEncoding == nil ? sniffUTF16(bytes) : nil
        let http = httpCharset.map(normalize).flatMap { $0.isEmpty ? nil : $0 }
        var chosen = http ?? bomEncoding ?? declared.map(normalize) ?? sniffed
        // "UTF-16" alone does not say which byte order; the sniffed `<?` does.
        if let sniffed, chosen == "utf-16" { chosen = sniffed }
        // A declaration readable as ASCII proves the bytes are not UTF-16/32, whatever it says.
        if bomEncoding == nil, sniffed == nil, let wide = chosen, wide.hasPrefix("utf-16") || wide.hasPrefix("utf-32") || wide == "ucs-2" {
            warnings.append("declared \(wide) but the bytes are ASCII-compatible")
            chosen = nil
        }
        let body = bomLength == 0 ? bytes : Array(bytes[bomLength...])
        var utf8: [UInt8]
        var mayHaveControls = true
        switch chosen {
        case nil, "utf-8":
            let check = UTF8Check(body)
            if check.isValid {
                utf8 = body
                mayHaveControls = check.hasControl
            } else {
                utf8 = Windows1252.utf8(from: body)
                warnings.append(chosen == nil
                    ? "no encoding declared and the bytes are not UTF-8: read as windows-1252"
                    : "declared utf-8 but the bytes are not valid UTF-8: read as windows-1252")
            }
        case "windows-1252", "iso-8859-1", "us-ascii":
            let check = UTF8Check(body)
            if check.isValid && check.hasMultibyte {
                utf8 = body
                mayHaveControls = check.hasControl
                warnings.append("declared \(chosen!) but the bytes are UTF-8: read as utf-8")
            } else {
                utf8 = Windows1252.utf8(from: body)
            }
        case let other?:
            if let converted = SAXTranscoder.utf8(from: body, encoding: other) {
                utf8 = converted
            } else if UTF8Check(body).isValid {
                utf8 = body
                warnings.append("cannot read the bytes as \(other): read as utf-8")
            } else {
                utf8 = Windows1252.utf8(from: body)
                warnings.append("cannot read the bytes as \(other): read as windows-1252")
            }
        }
        let removed = mayHaveControls ? removeControlCharacters(&utf8) : 0
        if removed > 0 { warnings.append("removed \(removed) control character\(removed == 1 ? "" : "s") not allowed in XML") }
        var start = 0
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < utf8.count, [0x20, 0x09, 0x0A, 0x0D].contains(utf8[start]) { start += 1 }
        return DecodedDocument(utf8: utf8, start: start, warnings: warnings)
    }

    /// Canonical lowercase names for the encodings handled here; others pass through for libxml2/iconv.
    static func normalize(_ name: String) -> String {
        let lower = name.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'"))).lowercased()
        switch lower {
        case "utf8", "utf-8", "unicode-1-1-utf-8": return "utf-8"
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "cp819": return "iso-8859-1"
        case "windows-1252", "cp1252", "x-cp1252", "win-1252": return "windows-1252"
        case "us-ascii", "ascii", "ansi_x3.4-1968": return "us-ascii"
        case "utf-16", "utf16": return "utf-16"
        default: return lower
        }
    }

    private static func byteOrderMark(_ bytes: [UInt8]) -> (String?, Int) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("utf-8", 3) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("utf-32be", 4) }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("utf-32le", 4) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("utf-16be", 2) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("utf-16le", 2) }
        return (nil, 0)
    }

    /// `<?` in UTF-16 without a BOM (XML 1.0 Appendix F).
    private static func sniffUTF16(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return "utf-16le" }
        if bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return "utf-16be" }
        return nil
    }

    /// The `encoding` pseudo-attribute of an ASCII-compatible XML declaration.
    private static func declaredEncoding(_ bytes: [UInt8], skipping offset: Int) -> String? {
        let head = bytes[offset..<min(bytes.count, offset + 512)]
        guard let text = String(bytes: head.filter { $0 < 0x80 && $0 != 0 }, encoding: .ascii),
              let declaration = text.range(of: "<?xml"), let end = text.range(of: "?>", range: declaration.upperBound..<text.endIndex),
              text[..<declaration.lowerBound].allSatisfy(\.isWhitespace)
        else { return nil }
        let inside = text[declaration.upperBound..<end.lowerBound]
        guard let match = inside.range(of: #"encoding\s*=\s*["'][A-Za-z0-9._:-]+["']"#, options: .regularExpression) else {
            return nil
        }
        let value = inside[match].split(whereSeparator: { $0 == "\"" || $0 == "'" })
        return value.count >= 2 ? String(value[1]) : nil
    }

    /// Removes C0 controls other than tab, LF and CR (XML 1.0 §2.2 `Char`); returns how many.
    private static func removeControlCharacters(_ bytes: inout [UInt8]) -> Int {
        guard bytes.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return 0 }
        let before = bytes.count
        bytes.removeAll { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        return before - bytes.count
    }
}
