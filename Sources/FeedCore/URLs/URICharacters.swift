/// Character classes of RFC 3986 §2 and the whitespace rule of WHATWG URL §4.4, shared by the URL code.
enum URICharacters {
    /// `ALPHA`: RFC 3986 §1.3 (RFC 2234 core rules).
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// `DIGIT`.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    /// `unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"`: RFC 3986 §2.3.
    static func isUnreserved(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || isDigit(scalar) || "-._~".unicodeScalars.contains(scalar)
    }

    /// `text` without leading and trailing C0 controls and spaces (U+0000–U+0020), as browsers read URLs.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { $0.value > 0x20 }),
            let last = scalars.lastIndex(where: { $0.value > 0x20 })
        else { return "" }
        return String(scalars[first...last])
    }
}
