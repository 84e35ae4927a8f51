import Foundation

/// Formats instants for feeds, in UTC, by plain calendar arithmetic (no `DateFormatter`, no locale).
///
/// Instants are truncated to the whole second below and clamped to 0001-01-01T00:00:00Z …
/// 9999-12-31T23:59:59Z, the years both formats can spell with four digits.
public enum FeedDate {
    /// RFC 3339 §5.6 `date-time` in UTC with no fractional seconds: `2022-09-22T00:00:00Z`.
    public static func rfc3339(_ date: Date) -> String {
        let c = UTCDateParts(date)
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))Z"
    }

    /// RFC 822 §5 as updated by RFC 1123 §5.2.14 (four-digit year), zone `+0000`: `Thu, 22 Sep 2022 00:00:00 +0000`.
    public static func rfc822(_ date: Date) -> String {
        let c = UTCDateParts(date)
        let weekday = weekdays[c.weekday]
        let month = months[c.month - 1]
        return "\(weekday), \(pad(c.day, 2)) \(month) \(pad(c.year, 4)) \(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)) +0000"
    }

    /// RFC 9110 §5.6.7 IMF-fixdate, for HTTP headers: `Thu, 22 Sep 2022 00:00:00 GMT`.
    public static func httpDate(_ date: Date) -> String {
        String(rfc822(date).dropLast(5)) + "GMT"
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A UTC calendar date and time of day, computed from seconds since 1970 (proleptic Gregorian calendar).
private struct UTCDateParts {
    var year, month, day, hour, minute, second: Int
    /// 0 = Sunday … 6 = Saturday.
    var weekday: Int

    /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z as seconds since 1970.
    static let earliest: Double = -62_135_596_800
    static let latest: Double = 253_402_300_799

    init(_ date: Date) {
        let raw = date.timeIntervalSince1970
        let clamped = raw.isNaN ? 0 : min(max(raw, Self.earliest), Self.latest)
        let seconds = Int(clamped.rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
        weekday = ((days + 4) % 7 + 7) % 7  // 1970-01-01 was a Thursday
        (year, month, day) = Self.civil(fromDays: days)
    }

    /// Year, month, day of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`, eras of 400 years).
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153  // March = 0
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
