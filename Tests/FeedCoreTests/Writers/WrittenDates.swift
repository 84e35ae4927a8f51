import Foundation

/// Reads dates back from written documents with Foundation's parsers (independent of FeedDate).
enum WrittenDates {
    static func rfc3339(_ text: String?) -> Date? {
        text.flatMap { ISO8601DateFormatter().date(from: $0) }
    }

    static func rfc822(_ text: String?) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return text.flatMap { formatter.date(from: $0) }
    }
}
