import Foundation

/// Reads a front matter `date`: `YYYY-MM-DD` (UTC midnight) or an RFC 3339 date-time (section 5.6),
/// also with a space for `T`, seconds left out, or no offset (read as UTC).
enum FrontMatterDate {
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
              let year = LinkDate.number(bytes, 0, 4), let month = LinkDate.number(bytes, 5, 2),
              let dayOfMonth = LinkDate.number(bytes, 8, 2),
              let day = CivilDate(year: year, month: month, day: dayOfMonth) else { return nil }
        if bytes.count == 10 { return day.midnightUTC }
        guard [0x54, 0x74, 0x20].contains(bytes[10]), bytes.count >= 16, bytes[13] == 0x3A,
              let hour = LinkDate.number(bytes, 11, 2), let minute = LinkDate.number(bytes, 14, 2),
              hour < 24, minute < 60 else { return nil }
        var index = 16
        var seconds = 0.0
        if index < bytes.count, bytes[index] == 0x3A {
            guard let whole = LinkDate.number(bytes, index + 1, 2), whole <= 60 else { return nil }
            seconds = Double(whole)
            index += 3
            if index < bytes.count, bytes[index] == 0x2E || bytes[index] == 0x2C {
                index += 1
                var scale = 0.1
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                    seconds += Double(bytes[index] - 0x30) * scale
                    scale /= 10
                    index += 1
                }
            }
        }
        guard let offset = offsetSeconds(bytes[index...]) else { return nil }
        let total = Double(day.daysSinceEpoch) * 86_400 + Double(hour * 3600 + minute * 60) + seconds - Double(offset)
        return Date(timeIntervalSince1970: total)
    }

    /// `Z`, `±HH:MM`, `±HHMM` or nothing (UTC), in seconds east of UTC.
    private static func offsetSeconds(_ rest: ArraySlice<UInt8>) -> Int? {
        let bytes = Array(rest.drop { $0 == 0x20 })
        if bytes.isEmpty || bytes == [0x5A] || bytes == [0x7A] { return 0 }
        guard bytes[0] == 0x2B || bytes[0] == 0x2D, let hours = LinkDate.number(bytes, 1, 2), hours < 24 else { return nil }
        let minutesStart = bytes.count == 6 && bytes[3] == 0x3A ? 4 : 3
        guard bytes.count == minutesStart + 2, let minutes = LinkDate.number(bytes, minutesStart, 2), minutes < 60 else {
            return nil
        }
        let magnitude = hours * 3600 + minutes * 60
        return bytes[0] == 0x2D ? -magnitude : magnitude
    }
}
