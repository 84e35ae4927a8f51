import FeedCore
import Foundation
import Testing

@Suite struct FeedDateTests {
    /// Seconds since 1970 (from an independent calendar), then the expected RFC 3339 and RFC 822 texts.
    @Test(arguments: [
        (1_663_804_800.0, "2022-09-22T00:00:00Z", "Thu, 22 Sep 2022 00:00:00 +0000"),
        (1_709_251_199.0, "2024-02-29T23:59:59Z", "Thu, 29 Feb 2024 23:59:59 +0000"),
        (951_827_696.0, "2000-02-29T12:34:56Z", "Tue, 29 Feb 2000 12:34:56 +0000"),
        (-2_203_891_201.0, "1900-02-28T23:59:59Z", "Wed, 28 Feb 1900 23:59:59 +0000"),
        (-2_203_891_200.0, "1900-03-01T00:00:00Z", "Thu, 01 Mar 1900 00:00:00 +0000"),
        (0.0, "1970-01-01T00:00:00Z", "Thu, 01 Jan 1970 00:00:00 +0000"),
        (-1.0, "1969-12-31T23:59:59Z", "Wed, 31 Dec 1969 23:59:59 +0000"),
        (-58_038_772.0, "1968-02-29T06:07:08Z", "Thu, 29 Feb 1968 06:07:08 +0000"),
        (-11_670_998_400.0, "1600-02-29T00:00:00Z", "Tue, 29 Feb 1600 00:00:00 +0000"),
        (-28_502_722_800.0, "1066-10-14T09:00:00Z", "Sun, 14 Oct 1066 09:00:00 +0000"),
        (-62_135_596_800.0, "0001-01-01T00:00:00Z", "Mon, 01 Jan 0001 00:00:00 +0000"),
        (253_402_300_799.0, "9999-12-31T23:59:59Z", "Fri, 31 Dec 9999 23:59:59 +0000"),
    ])
    func formatsInUTC(seconds: Double, rfc3339: String, rfc822: String) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(FeedDate.rfc3339(date) == rfc3339)
        #expect(FeedDate.rfc822(date) == rfc822)
    }

    @Test(arguments: [
        (0.999, "1970-01-01T00:00:00Z"),
        (-0.5, "1969-12-31T23:59:59Z"),
        (1_663_804_800.75, "2022-09-22T00:00:00Z"),
    ])
    func truncatesFractionalSecondsDownwards(seconds: Double, expected: String) {
        #expect(FeedDate.rfc3339(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func clampsToFourDigitYears() {
        #expect(FeedDate.rfc3339(Date(timeIntervalSince1970: -1e15)) == "0001-01-01T00:00:00Z")
        #expect(FeedDate.rfc822(Date(timeIntervalSince1970: 1e15)) == "Fri, 31 Dec 9999 23:59:59 +0000")
    }

    /// Every day from 1899 to 2101 formats the same as Foundation's ISO 8601 formatter (proleptic Gregorian there).
    @Test func agreesWithFoundationDayByDay() {
        let iso = ISO8601DateFormatter()
        iso.timeZone = TimeZone(identifier: "UTC")
        let start = -2_240_524_800  // 1899-01-01
        var mismatches: [String] = []
        for day in 0..<(203 * 366) {
            let date = Date(timeIntervalSince1970: Double(start + day * 86_400 + 3_723))
            if FeedDate.rfc3339(date) != iso.string(from: date) { mismatches.append(iso.string(from: date)) }
        }
        #expect(mismatches.isEmpty)
    }
}
