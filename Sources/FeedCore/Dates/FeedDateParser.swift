import Foundation

/// Parses the dates feeds carry into UTC instants, by arithmetic alone (no `DateFormatter`, no locale, no clock).
public enum FeedDateParser {
    /// The instant a feed date names, or nil when it cannot be read (never "now").
    ///
    /// Tries RFC 3339 / W3C-DTF / ISO 8601 first, then RFC 822 and its variants (including asctime).
    public static func parse(_ s: String) -> Date? {
        if let canonical = CanonicalDateParser.parse(Substring(s)) { return canonical.date }
        return parseAnyForm(s)
    }

    /// `parse` without the fast path for the two canonical forms (which gives the same answers).
    static func parseAnyForm(_ s: String) -> Date? {
        let collapsed = isTidy(s) ? Substring(s) : Substring(s.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        guard !collapsed.isEmpty else { return nil }
        if let first = collapsed.first, first.isNumber, let time = ISODateParser.parse(collapsed) {
            return time.date
        }
        return RFC822DateParser.parse(collapsed)?.date
    }

    /// True when the text is ASCII with single spaces only between words: nothing to collapse.
    private static func isTidy(_ s: String) -> Bool {
        var previousSpace = true
        for byte in s.utf8 {
            if byte == 32 {
                if previousSpace { return false }
                previousSpace = true
            } else {
                if byte < 32 || byte >= 0x80 { return false }
                previousSpace = false
            }
        }
        return !previousSpace
    }
}
