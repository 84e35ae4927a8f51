import FeedCore
@testable import FeedDaemon
import FeedIO
import FeeddTestSupport
import Foundation
import Testing

/// Instants for undated entries, read from a real store: distinct from every held second, after the source's
/// own latest, past a burst's high-water mark.
@Suite struct DistinctInstantsTests {
    @Test func aBatchStartsAtNowMinusItsSizeUnlessItsSourceOrABurstIsAhead() {
        #expect(DistinctInstants.start(count: 3, top: 1_000, latestOwn: nil, highWater: nil) == 998)
        #expect(DistinctInstants.start(count: 3, top: 1_000, latestOwn: 999, highWater: nil) == 1_000)
        #expect(DistinctInstants.start(count: 3, top: 1_000, latestOwn: nil, highWater: 1_500) == 1_501)
        // A mark from an earlier burst, long past, changes nothing.
        #expect(DistinctInstants.start(count: 3, top: 1_000, latestOwn: nil, highWater: 10) == 998)
    }

    static func save(_ tx: StoreTransaction, source: String, id: String, second: Int64) throws {
        let date = Date(timeIntervalSince1970: TimeInterval(second))
        try tx.saveEntry(StoredEntry(source: source, origin: source, contentHash: id, entry: Entry(id: id, title: id, published: date, updated: date)))
    }

    @Test func afterABurstTheNextBatchTakesFreeSecondsPastIt() throws {
        let dir = TemporaryDirectory()
        let store = try StateStore(directory: dir.path)
        let top: Int64 = 1_800_000_000
        // A burst of 2,000 undated entries ran 1,000 seconds ahead of the clock; another feed dated one of
        // its entries two seconds past the burst.
        let taken = try store.write { tx in
            for i in 0..<2_000 { try Self.save(tx, source: "burst", id: "b\(i)", second: top - 1_000 + Int64(i)) }
            try Self.save(tx, source: "dated", id: "d", second: top + 1_001)
            try DistinctInstants.record([Date(timeIntervalSince1970: TimeInterval(top + 999))], tx: tx)
            return try DistinctInstants.take(3, at: Date(timeIntervalSince1970: TimeInterval(top)), source: "next", tx: tx)
        }
        #expect(taken.map { Int64($0.timeIntervalSince1970) } == [top + 1_000, top + 1_002, top + 1_003])
        // Without the mark the same seconds are found by walking the held ones, a window at a time.
        let walked = try store.write { tx in
            try tx.setMeta(DistinctInstants.highWaterKey, "0")
            return try DistinctInstants.take(3, at: Date(timeIntervalSince1970: TimeInterval(top)), source: "next", tx: tx)
        }
        #expect(walked == taken)
        // A source's own latest instant comes first: its next arrival is dated after it.
        let own = try store.write { tx in
            try Self.save(tx, source: "next", id: "n", second: top + 1_500)
            return try DistinctInstants.take(1, at: Date(timeIntervalSince1970: TimeInterval(top)), source: "next", tx: tx)
        }
        #expect(own.map { Int64($0.timeIntervalSince1970) } == [top + 1_501])
    }
}
