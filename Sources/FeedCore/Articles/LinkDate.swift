import Foundation

/// Finds the publication day many news sites put in their URLs: `/2022/09/22/` or `/2022-09-22/`.
enum LinkDate {
    /// UTC midnight of the first valid such day in `link`, else nil; the date may also end the URL.
    static func date(in link: String) -> Date? {
        let bytes = Array(link.utf8)
        var index = 0
        while index + 11 <= bytes.count {
            if bytes[index] == 0x2F, let day = day(in: bytes, at: index + 1) { return day.midnightUTC }
            index += 1
        }
        return nil
    }

    /// `YYYY?MM?DD` at `start` where `?` is `/` or `-` (the same twice), followed by `/`, `?`, `#` or the end.
    private static func day(in bytes: [UInt8], at start: Int) -> CivilDate? {
        guard start + 10 <= bytes.count else { return nil }
        let separator = bytes[start + 4]
        guard separator == 0x2F || separator == 0x2D, bytes[start + 7] == separator else { return nil }
        if start + 10 < bytes.count, ![0x2F, 0x3F, 0x23].contains(bytes[start + 10]) { return nil }
        guard let year = number(bytes, start, 4), let month = number(bytes, start + 5, 2),
              let day = number(bytes, start + 8, 2) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
        guard start + length <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + length)] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
