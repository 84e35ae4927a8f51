/// The two date forms nearly every feed uses, read straight from the bytes: RFC 822 as RFC 2822 §3.3 writes
/// it (`Wed, 02 Oct 2002 13:00:00 GMT`, or a `±hhmm` zone) and RFC 3339 without fractions
/// (`2002-10-02T13:00:00Z`, or a `±hh:mm` zone).
///
/// Anything else (and anything these shapes do not match exactly) is left to the general parsers, which
/// give the same instant for these forms: the fast path only saves their tokenising.
enum CanonicalDateParser {
    /// The civil time when `text` has one of the two shapes exactly, else nil.
    static func parse(_ text: Substring) -> CivilTime? {
        var text = text
        return text.withUTF8 { bytes in
            switch bytes.count {
            case 29, 31: return rfc822(bytes)
            case 20, 25: return rfc3339(bytes)
            default: return nil
            }
        }
    }

    /// `Www, DD Mon YYYY HH:MM:SS GMT` (29 bytes) or `… ±hhmm` (31 bytes).
    private static func rfc822(_ b: UnsafeBufferPointer<UInt8>) -> CivilTime? {
        guard isLetter(b[0]), isLetter(b[1]), isLetter(b[2]), b[3] == UInt8(ascii: ","), b[4] == 32, b[7] == 32,
              b[11] == 32, b[16] == 32, b[19] == UInt8(ascii: ":"), b[22] == UInt8(ascii: ":"), b[25] == 32,
              let day = number(b, 5, 2), let month = month(b[8], b[9], b[10]), let year = number(b, 12, 4),
              let hour = number(b, 17, 2), let minute = number(b, 20, 2), let second = number(b, 23, 2)
        else { return nil }
        let offset: Int
        if b.count == 29 {
            guard b[26] == UInt8(ascii: "G"), b[27] == UInt8(ascii: "M"), b[28] == UInt8(ascii: "T") else { return nil }
            offset = 0
        } else {
            guard let sign = sign(b[26]), let hours = number(b, 27, 2), let minutes = number(b, 29, 2), minutes < 60 else { return nil }
            offset = sign * (hours * 60 + minutes)
        }
        return CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetMinutes: offset)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` (20 bytes) or `…±hh:mm` (25 bytes).
    private static func rfc3339(_ b: UnsafeBufferPointer<UInt8>) -> CivilTime? {
        guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let year = number(b, 0, 4), let month = number(b, 5, 2), let day = number(b, 8, 2),
              let hour = number(b, 11, 2), let minute = number(b, 14, 2), let second = number(b, 17, 2)
        else { return nil }
        let offset: Int
        if b.count == 20 {
            guard b[19] == UInt8(ascii: "Z") else { return nil }
            offset = 0
        } else {
            guard let sign = sign(b[19]), let hours = number(b, 20, 2), b[22] == UInt8(ascii: ":"),
                  let minutes = number(b, 23, 2), minutes < 60 else { return nil }
            offset = sign * (hours * 60 + minutes)
        }
        return CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetMinutes: offset)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    private static func sign(_ byte: UInt8) -> Int? {
        byte == UInt8(ascii: "+") ? 1 : byte == UInt8(ascii: "-") ? -1 : nil
    }

    /// The decimal number of `count` digits at `start`, or nil when one is not a digit.
    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<start + count {
            let digit = Int(b[index]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// An English month abbreviation as RFC 2822 capitalises it (`Jan` … `Dec`).
    private static func month(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int? {
        switch (a, b, c) {
        case (74, 97, 110): 1  // Jan
        case (70, 101, 98): 2  // Feb
        case (77, 97, 114): 3  // Mar
        case (65, 112, 114): 4  // Apr
        case (77, 97, 121): 5  // May
        case (74, 117, 110): 6  // Jun
        case (74, 117, 108): 7  // Jul
        case (65, 117, 103): 8  // Aug
        case (83, 101, 112): 9  // Sep
        case (79, 99, 116): 10  // Oct
        case (78, 111, 118): 11  // Nov
        case (68, 101, 99): 12  // Dec
        default: nil
        }
    }
}
