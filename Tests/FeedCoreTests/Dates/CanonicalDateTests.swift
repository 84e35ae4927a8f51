import Foundation
import Testing
@testable import FeedCore

/// The fast path for the two canonical date forms answers exactly as the general parsers do.
@Suite("Canonical dates")
struct CanonicalDateTests {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Canonical-looking strings with fields in and out of range (31 February, hour 24, zone +2400…).
    static func samples() -> [String] {
        var generator = SplitMix(seed: 7)
        var out: [String] = []
        for _ in 0..<4000 {
            let year = [1969, 1970, 2000, 2024, 2026, 9999, 0][Int(generator.next() % 7)]
            let month = Int(generator.next() % 14)
            let day = Int(generator.next() % 33)
            let hour = Int(generator.next() % 26), minute = Int(generator.next() % 62), second = Int(generator.next() % 62)
            let zoneHours = Int(generator.next() % 26), zoneMinutes = Int(generator.next() % 62)
            let sign = generator.next() % 2 == 0 ? "+" : "-"
            let zone = String(format: "%@%02d%02d", sign, zoneHours, zoneMinutes)
            let isoZone = String(format: "%@%02d:%02d", sign, zoneHours, zoneMinutes)
            let monthName = (1...12).contains(month) ? months[month - 1] : "Foo"
            let clock = String(format: "%02d:%02d:%02d", hour, minute, second)
            out.append(String(format: "Wed, %02d %@ %04d %@ GMT", day, monthName, year, clock))
            out.append(String(format: "Xyz, %02d %@ %04d %@ %@", day, monthName, year, clock, zone))
            out.append(String(format: "%04d-%02d-%02dT%@Z", year, month, day, clock))
            out.append(String(format: "%04d-%02d-%02dT%@%@", year, month, day, clock, isoZone))
        }
        return out
    }

    @Test("same instant (or none) as the general parsers on 16,000 canonical-shaped dates")
    func agreesWithGeneralParsers() {
        var fastHits = 0
        for sample in Self.samples() {
            if CanonicalDateParser.parse(Substring(sample)) != nil { fastHits += 1 }
            #expect(FeedDateParser.parse(sample) == FeedDateParser.parseAnyForm(sample), "\(sample)")
        }
        #expect(fastHits > 12_000, "the samples exercise the fast path")
    }

    @Test("near misses fall through to the general parsers", arguments: [
        "Wed, 2 Oct 2002 13:00:00 GMT", "Wed, 02 oct 2002 13:00:00 GMT", "Wed, 02 Oct 2002 13:00:00 EST",
        "2002-10-02T13:00:00.5Z", "2002-10-02 13:00:00Z", "2002-10-02T13:00:00+0100", "Wed, 02 Oct 2002 13:00 +0100",
    ])
    func nearMisses(text: String) {
        #expect(CanonicalDateParser.parse(Substring(text)) == nil)
        #expect(FeedDateParser.parse(text) == FeedDateParser.parseAnyForm(text))
        #expect(FeedDateParser.parse(text) != nil, "the general parsers read \(text)")
    }
}
