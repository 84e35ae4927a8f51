import Foundation

/// Parses the dates feeds carry into UTC instants, by arithmetic alone (no `DateFormatter`, no locale, no clock).
public enum FeedDateParser {
    /// The instant a feed date names, or nil when it cannot be read (never "now").
    ///
    /// Tries RFC 3339 / W3C-DTF / ISO 8601 first, then RFC 822 and its variants (including asctime).
    public static func parse(_ s: String) -> Date? {
        let collapsed = Substring(s.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        guard !collapsed.isEmpty else { return nil }
        if let first = collapsed.first, first.isNumber, let time = ISODateParser.parse(collapsed) {
            return time.date
        }
        return RFC822DateParser.parse(collapsed)?.date
    }
}
