/// RFC 822 / RFC 2822 dates and their real-world variants, read token by token: optional or wrong weekday,
/// missing seconds or zone, two-digit years, day and month swapped (`June 10, 2003`), asctime
/// (`Sun Nov  6 08:49:37 1994`), `GMT+01:00`, `am`/`pm`, and month names in a few languages.
enum RFC822DateParser {
    static func parse(_ text: Substring) -> CivilTime? {
        var tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
        if let first = text.split(separator: " ").first, first.last == ",", first.contains(where: \.isLetter) {
            tokens.removeFirst()  // a leading "Tue," or "mar.," is a weekday, even when it spells a month
        }
        var day: Int?, month: Int?, year: Int?, clock: (Int, Int, Int)?, offset: Int?
        var pm: Bool?
        for raw in tokens {
            let token = raw.hasSuffix(".") ? raw.dropLast() : raw
            if token.isEmpty || (token.first == "(" && token.last == ")") { continue }
            if token.contains(Character(":")) && clock == nil && token.first?.isNumber == true {
                guard let parsed = parseClock(token) else { return nil }
                clock = parsed
            } else if token.first == "+" || token.first == "-" {
                guard offset == nil, let parsed = numericZone(token) else { return nil }
                offset = parsed
            } else if token.allSatisfy(\.isNumber) {
                guard token.count <= 4, let value = Int(token) else { return nil }
                if token.count <= 2 && day == nil {
                    day = value
                } else if year == nil {
                    year = token.count <= 2 ? CivilTime.expandTwoDigitYear(value) : value
                } else {
                    return nil
                }
            } else {
                let word = token.lowercased()
                if let value = DateNames.months[word], month == nil {
                    month = value
                } else if DateNames.weekdays.contains(word) {
                    continue
                } else if word == "am" || word == "pm" {
                    pm = word == "pm"
                } else if let zone = namedZone(word) {
                    guard offset == nil else { return nil }
                    offset = zone
                } else if clock != nil, offset == nil, word.count <= 5, word.allSatisfy(\.isLetter) {
                    offset = 0  // an unknown zone abbreviation after the time reads as UTC (feedparser does the same)
                } else {
                    return nil
                }
            }
        }
        guard let day, let month, let year else { return nil }
        var time = CivilTime(year: year, month: month, day: day, offsetMinutes: offset ?? 0)
        if let (hour, minute, second) = clock {
            time.hour = hour
            time.minute = minute
            time.second = second
            if let pm {
                guard (1...12).contains(hour) else { return nil }
                time.hour = hour % 12 + (pm ? 12 : 0)
            }
        }
        return time
    }

    /// `hh:mm` or `hh:mm:ss`.
    private static func parseClock(_ token: Substring) -> (Int, Int, Int)? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count) else { return nil }
        let numbers = parts.map { $0.count <= 2 && !$0.isEmpty ? Int($0) : nil }
        guard let hour = numbers[0], let minute = numbers[1] else { return nil }
        let second = parts.count == 3 ? numbers[2] : 0
        guard let second else { return nil }
        return (hour, minute, second)
    }

    /// `+hhmm`, `-hh:mm` or `+hh`, in minutes east of UTC.
    private static func numericZone(_ token: Substring) -> Int? {
        var scanner = DateScanner(token)
        guard let zone = ISODateParser.parseZone(&scanner), scanner.atEnd else { return nil }
        return zone
    }

    /// A zone name, `Etc/GMT`, or `GMT`/`UTC` followed by a numeric offset (`GMT+0100`, `UTC-05:00`).
    private static func namedZone(_ word: String) -> Int? {
        let name = word.hasPrefix("etc/") ? String(word.dropFirst(4)) : word
        if let hours = DateNames.zones[name] { return hours * 60 }
        for prefix in ["gmt", "utc"] where name.hasPrefix(prefix) {
            return numericZone(name.dropFirst(prefix.count))
        }
        return nil
    }
}
