/// Recognises images that only exist to track the reader.
enum TrackingPixel {
    /// Hosts (and their subdomains) that serve tracking images or share buttons, never content.
    static let trackerHosts: [String] = [
        "feedburner.com", "feedsportal.com", "doubleclick.net", "pixel.wp.com", "stats.wordpress.com",
        "google-analytics.com", "googleadservices.com", "scorecardresearch.com", "quantserve.com",
    ]

    /// An image whose width and height are both given and at most 1, or whose host tracks (`pixel.*` too).
    static func isTracker(width: String?, height: String?, source: String?) -> Bool {
        if let width = leadingNumber(width), let height = leadingNumber(height), width <= 1, height <= 1 {
            return true
        }
        guard let source, let host = URLFilter.host(of: source), !host.isEmpty else { return false }
        if host.hasPrefix("pixel.") { return true }
        return trackerHosts.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    /// The integer a width or height starts with (`1`, `1px`, ` 0 `), if any.
    private static func leadingNumber(_ value: String?) -> Int? {
        guard let value else { return nil }
        let digits = URICharacters.trimmed(value).prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int(digits.prefix(9))
    }
}
