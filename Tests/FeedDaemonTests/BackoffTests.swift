import FeedIO
import FeedDaemon
import Foundation
import FeedCore
import Testing

@Suite struct BackoffTests {
    @Test(arguments: [(1, 300.0), (2, 600.0), (3, 1_200.0), (5, 4_800.0), (9, 76_800.0), (10, 86_400.0), (40, 86_400.0), (10_000, 86_400.0)])
    func doublesFromFiveMinutesUpToADay(failures: Int, expected: Double) {
        #expect(Backoff.delay(failures: failures, unitRandom: 0.5) == expected)
    }

    @Test func noFailureNoDelay() {
        #expect(Backoff.delay(failures: 0, unitRandom: 0.9) == 0)
    }

    @Test func jitterStaysWithinTenPercentAndUnderTheCap() {
        #expect(Backoff.delay(failures: 2, unitRandom: 0) == 540)
        #expect(abs(Backoff.delay(failures: 2, unitRandom: 0.999_999) - 660) < 0.01)
        #expect(Backoff.delay(failures: 12, unitRandom: 0.999) <= 86_400)
        #expect(Backoff.delay(failures: 12, unitRandom: 0) == 86_400 * 0.9)
    }
}

@Suite struct PollScheduleTests {
    let now = Date(timeIntervalSince1970: 1_764_000_000)  // 2025-11-24T16:00:00Z, a Monday

    @Test func configuredIntervalWhenThePublisherSaysNothing() {
        #expect(PollSchedule.nextPoll(after: now, interval: 1_800, hints: PublisherHints()) == now + 1_800)
    }

    @Test func publisherCanOnlyLengthen() {
        #expect(PollSchedule.nextPoll(after: now, interval: 1_800, hints: PublisherHints(maxAge: 60)) == now + 1_800)
        #expect(PollSchedule.nextPoll(after: now, interval: 1_800, hints: PublisherHints(maxAge: 7_200)) == now + 7_200)
        #expect(PollSchedule.nextPoll(after: now, interval: 1_800, hints: PublisherHints(ttlMinutes: 180)) == now + 10_800)
        #expect(PollSchedule.nextPoll(after: now, interval: 1_800, hints: PublisherHints(expiresIn: 3_600)) == now + 3_600)
        #expect(PollSchedule.nextPoll(after: now, interval: 600, hints: PublisherHints(updatePeriod: "hourly", updateFrequency: 2)) == now + 1_800)
    }

    @Test func publisherCannotPushPastADay() {
        #expect(PollSchedule.nextPoll(after: now, interval: 1_800, hints: PublisherHints(updatePeriod: "yearly")) == now + 86_400)
    }

    @Test func skipHoursMovesToTheNextAllowedHour() {
        // 16:30 falls in skipped hours 16 and 17: the poll moves to 18:00.
        let next = PollSchedule.nextPoll(after: now, interval: 1_800, hints: PublisherHints(skipHours: [16, 17]))
        #expect(next == Date(timeIntervalSince1970: 1_764_000_000 + 2 * 3_600))
    }

    @Test func skipDaysMovesToTheNextAllowedDay() {
        let next = PollSchedule.nextPoll(after: now, interval: 60, hints: PublisherHints(skipDays: ["Monday", "tuesday"]))
        #expect(next == Date(timeIntervalSince1970: 1_764_000_000 - 16 * 3_600 + 2 * 86_400))
    }

    @Test func everyHourSkippedIsIgnored() {
        let next = PollSchedule.nextPoll(after: now, interval: 60, hints: PublisherHints(skipHours: Array(0...23)))
        #expect(next == now + 60)
    }
}

