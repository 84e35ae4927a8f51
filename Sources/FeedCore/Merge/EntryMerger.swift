/// Merges candidate entries from every source into the published stream: one entry per id and per
/// normalised link, newest first, capped.
///
/// When several copies share an id or a link, the one that is kept is the article (an entry without a
/// source) if there is one, else the copy published first (the original, not a later repost); ties go
/// to the copy listed first. Links are compared with `LinkNormalizer` (scheme and host case, default
/// port, fragment and tracking parameters ignored).
public enum EntryMerger {
    /// `candidates` must be ordered newest first; the result keeps that order.
    public static func merge(_ candidates: [Entry], limit: Int) -> [Entry] {
        let preference = candidates.indices.sorted { a, b in
            let x = candidates[a], y = candidates[b]
            if (x.source == nil) != (y.source == nil) { return x.source == nil }
            if x.published != y.published { return x.published < y.published }
            return a < b
        }
        var claimedIDs: Set<String> = []
        var claimedLinks: Set<String> = []
        var kept = [Bool](repeating: false, count: candidates.count)
        for index in preference {
            let entry = candidates[index]
            let link = entry.link.flatMap(LinkNormalizer.normalize)
            if claimedIDs.contains(entry.id) { continue }
            if let link, claimedLinks.contains(link) { continue }
            claimedIDs.insert(entry.id)
            if let link { claimedLinks.insert(link) }
            kept[index] = true
        }
        var merged: [Entry] = []
        for index in candidates.indices where kept[index] {
            merged.append(candidates[index])
            if merged.count == limit { break }
        }
        return merged
    }
}
