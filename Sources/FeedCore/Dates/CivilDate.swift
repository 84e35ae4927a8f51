import Foundation

/// A proleptic Gregorian calendar day, turned into an instant without Foundation's calendars.
struct CivilDate: Equatable {
    var year: Int
    var month: Int
    var day: Int

    /// Nil unless the day exists (years 1000–9999).
    init?(year: Int, month: Int, day: Int) {
        guard (1000...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        CivilTime.daysIn(month: month, year: year)
    }

    /// Days since 1970-01-01.
    var daysSinceEpoch: Int { CivilTime.daysFromCivil(year: year, month: month, day: day) }

    /// Midnight UTC of this day.
    var midnightUTC: Date { Date(timeIntervalSince1970: TimeInterval(daysSinceEpoch) * 86_400) }
}
