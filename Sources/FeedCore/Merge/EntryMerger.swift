/// Merges candidate entries from every source into the published stream: one entry per id, and one per
/// normalised link across sources, newest first, capped.
///
/// Two entries of the same source that share a link stay two entries (a feed may post twice about one
/// page, two article files may cite one source); the same link from two different sources is one story.
///
/// When several copies share an id or a link, the one that is kept is the article (an entry without a
/// source) if there is one, else the copy published first (the original, not a later repost); ties go
/// to the copy listed first. Links are compared with `LinkNormalizer` (scheme and host case, default
/// port, fragment and tracking parameters ignored).
public enum EntryMerger {
    /// `candidates` must be ordered newest first; the result keeps that order.
    public static func merge(_ candidates: [Entry], limit: Int) -> [Entry] {
        keptIndices(candidates, limit: limit).map { candidates[$0] }
    }

    /// The positions of the entries `merge` keeps, in order.
    public static func keptIndices(_ candidates: [Entry], limit: Int) -> [Int] {
        let preference = candidates.indices.sorted { a, b in
            let x = candidates[a], y = candidates[b]
            if (x.source == nil) != (y.source == nil) { return x.source == nil }
            if x.published != y.published { return x.published < y.published }
            return a < b
        }
        var claimedIDs: Set<String> = []
        var claimedLinks: [String: String] = [:]
        var kept = [Bool](repeating: false, count: candidates.count)
        for index in preference {
            let entry = candidates[index]
            // Only a link that will be published says two entries are one story (a `javascript:` link shared
            // by two entries is dropped from both, and says nothing).
            let link = PublishableURL.make(entry.link).flatMap(LinkNormalizer.normalize)
            let origin = sourceKey(entry)
            if claimedIDs.contains(entry.id) { continue }
            if let link, let owner = claimedLinks[link], owner != origin { continue }
            claimedIDs.insert(entry.id)
            if let link, claimedLinks[link] == nil { claimedLinks[link] = origin }
            kept[index] = true
        }
        var merged: [Int] = []
        for index in candidates.indices where kept[index] {
            merged.append(index)
            if merged.count == limit { break }
        }
        return merged
    }

    /// Which source an entry came from: its feed's URL or id, or the articles.
    static func sourceKey(_ entry: Entry) -> String {
        guard let source = entry.source else { return "" }
        return source.feedURL ?? source.id ?? source.link ?? source.title ?? "?"
    }
}
