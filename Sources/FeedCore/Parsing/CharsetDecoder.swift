import Foundation
import FeedXML

/// A document turned into clean UTF-8 for libxml2, with the corrections made on the way.
struct DecodedDocument {
    var utf8: [UInt8]
    /// Where the markup starts (after a BOM and leading whitespace).
    var start: Int
    var warnings: [String]
}

/// What `CharsetDecoder.choose` found in a document's first bytes.
struct CharsetChoice {
    var encoding: String?
    var bomLength: Int
    var warnings: [String]
}

/// Picks a document's character encoding and converts it to UTF-8.
///
/// Order (RFC 7303 §3 and feedparser): HTTP charset, BOM, XML declaration, UTF-16 sniffing, UTF-8 when
/// the bytes are valid, then the encoding `CharsetDetector` finds (Windows-1252 when none fits). A declaration the bytes contradict is corrected with a warning:
/// declared UTF-8 but invalid → Windows-1252; declared ISO-8859-1/ASCII/1252 but valid multibyte UTF-8 → UTF-8.
/// ISO-8859-1 is read as its superset Windows-1252 (as browsers do). C0 control characters are removed.
enum CharsetDecoder {
    static func decode(_ bytes: [UInt8], httpCharset: String?) -> DecodedDocument {
        let choice = choose(head: Array(bytes.prefix(headLength)), httpCharset: httpCharset)
        var warnings = choice.warnings
        let chosen = choice.encoding
        let bomLength = choice.bomLength
        let body = bomLength == 0 ? bytes : Array(bytes[bomLength...])
        var utf8: [UInt8]
        var mayHaveControls = true
        switch chosen {
        case nil, "utf-8":
            let check = UTF8Check(body)
            if check.isValid {
                utf8 = body
                mayHaveControls = check.hasControl
            } else if chosen == nil, case let detected = CharsetDetector.detect(body[...]), detected != CharsetDetector.fallback,
                      let converted = SAXTranscoder.utf8(from: body, encoding: CharsetDetector.decoderName(detected)) {
                utf8 = converted
                warnings.append(notUTF8Warning(declared: nil, readAs: detected))
            } else {
                utf8 = Windows1252.utf8(from: body)
                warnings.append(notUTF8Warning(declared: chosen))
            }
        case "windows-1252", "iso-8859-1", "us-ascii":
            let check = UTF8Check(body)
            if check.isValid && check.hasMultibyte {
                utf8 = body
                mayHaveControls = check.hasControl
                warnings.append(provedUTF8Warning(declared: chosen!))
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
        if removed > 0 { warnings.append(removedControlsWarning(removed)) }
        var start = 0
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < utf8.count, [0x20, 0x09, 0x0A, 0x0D].contains(utf8[start]) { start += 1 }
        return DecodedDocument(utf8: utf8, start: start, warnings: warnings)
    }

    /// How many leading bytes `choose` looks at (BOM, XML declaration, UTF-16 sniffing).
    static let headLength = 1_024

    /// The encoding the document's first bytes and the HTTP charset point to (nil: none declared or
    /// sniffed), the length of its byte order mark, and what was corrected on the way.
    static func choose(head bytes: [UInt8], httpCharset: String?) -> CharsetChoice {
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
        return CharsetChoice(encoding: chosen, bomLength: bomLength, warnings: warnings)
    }

    /// The warning for bytes that are not the UTF-8 they were taken for.
    static func notUTF8Warning(declared: String?, readAs encoding: String = "windows-1252") -> String {
        declared == nil
            ? "no encoding declared and the bytes are not UTF-8: read as \(encoding)"
            : "declared utf-8 but the bytes are not valid UTF-8: read as \(encoding)"
    }

    /// The warning for a single-byte declaration the bytes prove to be UTF-8.
    static func provedUTF8Warning(declared: String) -> String {
        "declared \(declared) but the bytes are UTF-8: read as utf-8"
    }

    /// The warning for control characters removed.
    static func removedControlsWarning(_ count: Int) -> String {
        "removed \(count) control character\(count == 1 ? "" : "s") not allowed in XML"
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
        // Byte by byte on the ASCII of the first 512 bytes (no regular expression: ICU's start-up alone
        // cost more than a small feed's parse).
        let text = bytes[offset..<min(bytes.count, offset + 512)].filter { $0 < 0x80 && $0 != 0 }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
        guard let open = find(Array("<?xml".utf8), in: text, from: 0), text[..<open].allSatisfy(isSpace),
              let close = find(Array("?>".utf8), in: text, from: open + 5)
        else { return nil }
        let keyword = Array("encoding".utf8)
        var search = open + 5
        while let found = find(keyword, in: text, from: search), found < close {
            search = found + 1
            var index = found + keyword.count
            while index < close, isSpace(text[index]) { index += 1 }
            guard index < close, text[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < close, isSpace(text[index]) { index += 1 }
            guard index < close, text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "'") else { continue }
            index += 1
            let valueStart = index
            while index < close, isEncodingNameByte(text[index]) { index += 1 }
            guard index > valueStart, index < close, text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "'") else { continue }
            return String(decoding: text[valueStart..<index], as: UTF8.self)
        }
        return nil
    }

    /// `[A-Za-z0-9._:-]`: the bytes an encoding name is made of (XML 1.0 §4.3.3 `EncName`, loosely).
    private static func isEncodingNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// The index of the first occurrence of `pattern` in `text` at or after `start`.
    private static func find(_ pattern: [UInt8], in text: [UInt8], from start: Int) -> Int? {
        guard text.count >= pattern.count, start <= text.count - pattern.count else { return nil }
        for index in start...(text.count - pattern.count) where text[index] == pattern[0] {
            if text[index..<index + pattern.count].elementsEqual(pattern) { return index }
        }
        return nil
    }

    /// Removes C0 controls other than tab, LF and CR (XML 1.0 §2.2 `Char`); returns how many.
    static func removeControlCharacters(_ bytes: inout [UInt8]) -> Int {
        guard bytes.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return 0 }
        let before = bytes.count
        bytes.removeAll { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        return before - bytes.count
    }
}
