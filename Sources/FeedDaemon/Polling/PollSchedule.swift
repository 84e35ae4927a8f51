import FeedCore
import FeedIO
import Foundation

/// When to poll a healthy source next: the configured interval, lengthened when the publisher asks,
/// never past `ceiling`, and moved out of the publisher's `skipHours` / `skipDays`.
public enum PollSchedule {
    /// The longest a publisher can push a poll back (24 h): a feed that says "yearly" is still read daily.
    public static let ceiling: Double = 86_400

    /// The next poll after a success at `now`.
    public static func nextPoll(after now: Date, interval: Double, hints: PublisherHints, ceiling: Double = ceiling) -> Date {
        let wait = max(interval, min(hints.requestedInterval ?? 0, max(ceiling, interval)))
        return skipping(now.addingTimeInterval(wait), hints: hints)
    }

    /// `date` moved forward to the first whole hour that is in neither `skipHours` nor `skipDays` (GMT).
    /// RSS 2.0: "skipHours: a hint for aggregators telling them which hours they can skip".
    public static func skipping(_ date: Date, hints: PublisherHints) -> Date {
        let hours = Set(hints.skipHours.filter { (0...23).contains($0) })
        let days = Set(hints.skipDays.compactMap(weekdayIndex))
        guard !hours.isEmpty || !days.isEmpty, hours.count < 24, days.count < 7 else { return date }
        var candidate = date
        for _ in 0..<(24 * 8) {
            let (weekday, hour) = weekdayAndHour(candidate)
            if !hours.contains(hour) && !days.contains(weekday) { return candidate }
            // Jump to the start of the next hour.
            let seconds = candidate.timeIntervalSince1970
            candidate = Date(timeIntervalSince1970: (seconds / 3_600).rounded(.down) * 3_600 + 3_600)
        }
        return date
    }

    /// Monday = 0 … Sunday = 6.
    static func weekdayIndex(_ name: String) -> Int? {
        let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        return names.firstIndex(of: name.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Weekday (Monday = 0) and hour of `date` in GMT.
    static func weekdayAndHour(_ date: Date) -> (Int, Int) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let hour = Int((seconds - days * 86_400) / 3_600)
        // 1970-01-01 was a Thursday (index 3).
        let weekday = Int(((days % 7) + 7 + 3) % 7)
        return (weekday, hour)
    }
}
