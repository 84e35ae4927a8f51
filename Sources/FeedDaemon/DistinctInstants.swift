import Foundation

/// Dates for entries whose input gives none (a new article, an undated item of a feed): whole seconds from
/// the moment feedd first saw them, each held by no other entry, so readers can order a first import and no
/// two entries of an output share an `updated` (the W3C validator warns on that).
///
/// A batch is spread over the seconds up to now, oldest first; and whatever arrives later is dated after
/// what its source already holds, so the newest arrival is always the newest entry. When entries come
/// faster than one a second (a burst of files dropped into the seeds directory), their dates run ahead of
/// the clock by at most the size of the burst, and fall back to the clock once it has caught up.
enum DistinctInstants {
    /// `count` instants, ascending: none among `recent`'s seconds (every source's entries, as
    /// `StoreTransaction.updatedInstants(since: window(count, now))` lists them), none at or before the
    /// latest that `source` holds, the first at `now - count + 1` when those allow.
    static func take(_ count: Int, at now: Date, source: String, recent: [(source: String, seconds: Int64)]) -> [Date] {
        guard count > 0 else { return [] }
        let top = Int64(now.timeIntervalSince1970.rounded(.down))
        let horizon = top + span(count)
        var held = Set<Int64>(minimumCapacity: recent.count)
        var latestOwn = Int64.min
        for item in recent {
            held.insert(item.seconds)
            // A date the publisher set far ahead is its own business, not a reason to date arrivals after it.
            if item.source == source, item.seconds <= horizon { latestOwn = max(latestOwn, item.seconds) }
        }
        var second = latestOwn == Int64.min ? top - Int64(count) + 1 : max(top - Int64(count) + 1, latestOwn + 1)
        var instants: [Date] = []
        instants.reserveCapacity(count)
        while instants.count < count {
            if !held.contains(second) { instants.append(Date(timeIntervalSince1970: TimeInterval(second))) }
            second += 1
        }
        return instants
    }

    /// The first instant `take` needs to know about for `count` entries at `now`.
    static func window(_ count: Int, before now: Date) -> Date {
        now.addingTimeInterval(-TimeInterval(span(count)))
    }

    /// How far from now a batch of `count` looks, back and ahead.
    private static func span(_ count: Int) -> Int64 { Int64(count) * 2 + 3_600 }
}
