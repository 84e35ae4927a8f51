import FeedCore
import Foundation

/// Small, named readers for the HTTP response headers that steer polling (values as received).
public enum ResponseHeaders {
    /// `max-age` of a `Cache-Control` value, in seconds; nil without one. `no-store`/`no-cache` give nil.
    public static func maxAge(cacheControl: String?) -> Double? {
        guard let cacheControl else { return nil }
        for directive in cacheControl.split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, parts[0].lowercased() == "max-age" else { continue }
            let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if let seconds = Double(value), seconds >= 0, seconds.isFinite { return seconds }
        }
        return nil
    }

    /// Seconds from `now` until an `Expires` date; nil when absent, unparseable or past.
    public static func expiresIn(_ value: String?, now: Date) -> Double? {
        guard let value, let date = FeedDateParser.parse(value) else { return nil }
        let seconds = date.timeIntervalSince(now)
        return seconds > 0 ? seconds : nil
    }

    /// `Retry-After` in seconds from `now`: delta-seconds or an HTTP-date (RFC 9110 §10.2.3); never negative.
    public static func retryAfter(_ value: String?, now: Date) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if value.allSatisfy(\.isNumber), let seconds = Double(value) { return seconds }
        guard let date = FeedDateParser.parse(value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// The `charset` parameter of a `Content-Type` value, lowercased, quotes removed.
    public static func charset(contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0].lowercased() == "charset" {
                let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).lowercased()
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }
}
