import FeedIO
import Foundation

/// Dates for entries whose input gives none (a new article, an undated item of a feed): whole seconds from
/// the moment feedd first saw them, each held by no other entry, so readers can order a first import and no
/// two entries of an output share an `updated` (the W3C validator warns on that).
///
/// A batch is spread over the seconds up to now, oldest first; and whatever arrives later is dated after
/// what its source already holds, so the newest arrival is always the newest entry. When entries come
/// faster than one a second (a burst of files dropped into the seeds directory, a first poll of thousands
/// of feeds), their dates run ahead of the clock by at most the size of the burst, and fall back to the
/// clock once it has caught up.
///
/// The store is read only where the batch lands: the source's latest instant, and the seconds held in the
/// range being filled, a window at a time; a burst's high-water mark (`highWaterKey`) lets the next batch
/// start past it instead of walking through every second the burst took. A batch costs the same however
/// many entries the store holds.
enum DistinctInstants {
    /// The `meta` key of the latest instant a batch took (a hint: every second is still checked).
    static let highWaterKey = "instants_high"

    /// `count` instants, ascending: none held by another entry, none at or before the latest that `source`
    /// holds (up to a horizon: a date a publisher set far ahead is its own business), none at or before the
    /// high-water mark when it lies in the batch's range, the first at `now - count + 1` when those allow.
    static func take(_ count: Int, at now: Date, source: String, tx: StoreTransaction) throws -> [Date] {
        guard count > 0 else { return [] }
        let top = Int64(now.timeIntervalSince1970.rounded(.down))
        let latestOwn = try tx.latestUpdated(source: source, notAfter: top + Int64(count) * 2 + 3_600)
        let highWater = try tx.meta(highWaterKey).flatMap { Int64($0) }
        var second = start(count: count, top: top, latestOwn: latestOwn, highWater: highWater)
        var instants: [Date] = []
        instants.reserveCapacity(count)
        while instants.count < count {
            let end = second + Int64(count - instants.count) * 2 + 64
            let held = Set(try tx.heldSeconds(from: second, before: end))
            while second < end && instants.count < count {
                if !held.contains(second) { instants.append(Date(timeIntervalSince1970: TimeInterval(second))) }
                second += 1
            }
        }
        return instants
    }

    /// Where a batch of `count` at second `top` starts (pure).
    static func start(count: Int, top: Int64, latestOwn: Int64?, highWater: Int64?) -> Int64 {
        var second = top - Int64(count) + 1
        if let latestOwn { second = max(second, latestOwn + 1) }
        if let highWater { second = max(second, highWater + 1) }
        return second
    }

    /// Records the last of `instants` as the high-water mark (inside the write that stores them).
    static func record(_ instants: [Date], tx: StoreTransaction) throws {
        guard let last = instants.last else { return }
        let seconds = Int64(last.timeIntervalSince1970.rounded(.down))
        if let mark = try tx.meta(highWaterKey).flatMap({ Int64($0) }), mark >= seconds { return }
        try tx.setMeta(highWaterKey, String(seconds))
    }
}
