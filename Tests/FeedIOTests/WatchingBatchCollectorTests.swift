@testable import FeedIO
import Testing

/// The debounce state machine, driven with explicit instants (no sleeping).
@Suite struct WatchingBatchCollectorTests {
    let start = ContinuousClock.now

    @Test func aBurstBecomesOneBatchAfterTheQuietPeriod() {
        var collector = WatchBatchCollector(debounce: .milliseconds(250), maxDelay: .seconds(2))
        #expect(collector.deadline == nil)
        for step in 0..<10 { collector.add("a\(step).txt", at: start + .milliseconds(step * 20)) }
        #expect(collector.deadline == start + .milliseconds(180 + 250))
        #expect(collector.take(at: start + .milliseconds(429)) == nil)
        let batch = collector.take(at: start + .milliseconds(430))
        #expect(batch?.names.count == 10)
        #expect(batch?.rescanNeeded == false)
        #expect(collector.deadline == nil)
        #expect(collector.take(at: start + .seconds(5)) == nil)
    }

    @Test func aSteadyTrickleIsCutAtMaxDelay() {
        var collector = WatchBatchCollector(debounce: .milliseconds(250), maxDelay: .seconds(1))
        var batches: [WatchBatch] = []
        for step in 0..<30 {
            let now = start + .milliseconds(step * 100)
            if let batch = collector.take(at: now) { batches.append(batch) }
            collector.add("f\(step).txt", at: now)
        }
        #expect(batches.map(\.names.count) == [10, 10])
    }

    @Test func rescanAndNamesShareABatch() {
        var collector = WatchBatchCollector(debounce: .milliseconds(100), maxDelay: .seconds(1))
        collector.add("a.txt", at: start)
        collector.requestRescan(at: start + .milliseconds(50))
        collector.add("a.txt", at: start + .milliseconds(60))
        #expect(collector.take(at: start + .milliseconds(160)) == WatchBatch(names: ["a.txt"], rescanNeeded: true))
    }
}
