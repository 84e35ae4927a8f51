import Foundation

/// Resolves references against a base (RFC 3986 §5) with Foundation's `URL(string:relativeTo:)`.
enum URLResolver {
    /// The absolute form of `reference`, or the reference itself (trimmed) when it cannot be resolved.
    static func resolve(_ reference: String, against base: String?) -> String {
        let trimmed = reference.trimmingWhitespace()
        // Absolute references (most feed links) need no URL parsing.
        guard let base, !base.isEmpty, !isAbsolute(trimmed) else { return trimmed }
        guard let baseURL = URL(string: base), let resolved = URL(string: trimmed, relativeTo: baseURL) else {
            return trimmed
        }
        return resolved.absoluteString
    }

    /// `scheme:` per RFC 3986 §3.1 (a letter, then letters, digits, `+`, `-`, `.`), checked on bytes.
    static func isAbsolute(_ reference: String) -> Bool {
        var sawScheme = false
        for (index, byte) in reference.utf8.enumerated() {
            let letter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            if byte == UInt8(ascii: ":") { return sawScheme }
            let digitOrMark = (48...57).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard letter || (index > 0 && digitOrMark) else { return false }
            sawScheme = true
        }
        return false
    }
}
