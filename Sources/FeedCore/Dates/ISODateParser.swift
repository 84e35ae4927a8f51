/// RFC 3339, W3C-DTF and common ISO 8601 forms: `2003`, `2003-12`, `2003-12-31`, `2003-12-31T10:14:55.12+01:00`,
/// basic `20220922T101500Z`, a space instead of `T`, zones `Z`, `±hh:mm`, `±hhmm`, `±hh` or a trailing zone name.
enum ISODateParser {
    static func parse(_ text: Substring) -> CivilTime? {
        var scanner = DateScanner(text)
        guard let year = scanner.digits(exactly: 4) else { return nil }
        var time = CivilTime(year: year)
        let extended = scanner.skip("-")
        if extended {
            guard let month = scanner.digits(exactly: 2) else { return nil }
            time.month = month
            if scanner.skip("-") {
                guard let day = scanner.digits(exactly: 2) else { return nil }
                time.day = day
            } else {
                return scanner.atEnd ? time : nil
            }
        } else if scanner.atEnd {
            return time
        } else {
            guard let month = scanner.digits(exactly: 2), let day = scanner.digits(exactly: 2) else { return nil }
            time.month = month
            time.day = day
        }
        if scanner.atEnd { return time }
        guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") else { return nil }
        guard parseClock(&scanner, into: &time) else { return nil }
        scanner.skipSpaces()
        if scanner.atEnd { return time }
        guard let offset = parseZone(&scanner), scanner.atEnd else { return nil }
        time.offsetMinutes = offset
        return time
    }

    /// `hh[:mm[:ss[.frac]]]` or basic `hhmm[ss]`.
    private static func parseClock(_ scanner: inout DateScanner, into time: inout CivilTime) -> Bool {
        guard let hour = scanner.digits(exactly: 2) else { return false }
        time.hour = hour
        let colon = scanner.skip(":")
        guard let minute = scanner.digits(exactly: 2) else { return !colon }
        time.minute = minute
        if colon ? scanner.skip(":") : scanner.peekIsDigit {
            guard let second = scanner.digits(exactly: 2) else { return false }
            time.second = second
            if scanner.skip(".") || scanner.skip(",") {
                guard let fraction = scanner.fraction() else { return false }
                time.fraction = fraction
            }
        }
        return true
    }

    /// `Z`, `±hh:mm`, `±hhmm`, `±hh`, or a zone name such as `GMT` or `EST`.
    static func parseZone(_ scanner: inout DateScanner) -> Int? {
        if scanner.skip("Z") || scanner.skip("z") { return 0 }
        if let sign = scanner.sign() {
            guard let hours = scanner.digits(exactly: 2) else { return nil }
            _ = scanner.skip(":")
            let minutes = scanner.digits(exactly: 2) ?? 0
            guard minutes < 60 else { return nil }
            return sign * (hours * 60 + minutes)
        }
        let name = scanner.rest().lowercased()
        return DateNames.zones[name].map { $0 * 60 }
    }
}

/// A cursor over the UTF-8 bytes of a date string.
struct DateScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: Substring) { bytes = Array(text.utf8) }

    var atEnd: Bool { index == bytes.count }
    var peekIsDigit: Bool { !atEnd && (48...57).contains(bytes[index]) }

    mutating func skip(_ character: Character) -> Bool {
        guard !atEnd, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func skipSpaces() {
        while !atEnd, bytes[index] == 32 { index += 1 }
    }

    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }

    mutating func digits(exactly count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + count] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += count
        return value
    }

    /// The digits after a decimal point, as a fraction of one.
    mutating func fraction() -> Double? {
        var value = 0.0, scale = 1.0
        while peekIsDigit {
            scale /= 10
            value += Double(bytes[index] - 48) * scale
            index += 1
        }
        return scale < 1 ? value : nil
    }

    mutating func rest() -> String {
        defer { index = bytes.count }
        return String(decoding: bytes[index...], as: UTF8.self)
    }
}
