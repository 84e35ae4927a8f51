import Foundation

/// Dates for entries whose input gives none (a new article, an undated item of a feed): whole seconds at or
/// before the moment feedd first saw them, each held by no other entry, so readers can order a first import
/// and no two entries of an output share an `updated` (the W3C validator warns on that).
enum DistinctInstants {
    /// `count` instants, ascending, the last at most `now`, none among the seconds `taken(since)` returns;
    /// they are looked up over a window wide enough for the count (past it, seconds are taken as they come).
    static func take(_ count: Int, before now: Date, taken: (Date) throws -> Set<Int64>) rethrows -> [Date] {
        guard count > 0 else { return [] }
        let top = Int64(now.timeIntervalSince1970.rounded(.down))
        let window = Int64(count) * 2 + 3_600
        let held = try taken(Date(timeIntervalSince1970: TimeInterval(top - window)))
        var instants: [Date] = []
        instants.reserveCapacity(count)
        var second = top
        while instants.count < count {
            if !held.contains(second) { instants.append(Date(timeIntervalSince1970: TimeInterval(second))) }
            second -= 1
        }
        return instants.reversed()
    }
}
