import FeedCore
import Foundation

/// What the store knows of one polled source: validators, health, schedule and the feed's own metadata.
public struct SourceRecord: Sendable, Hashable {
    /// The configured location (the key).
    public var url: String
    public var name: String
    /// The feed's own title, id, site and updated, from its last good document.
    public var title: String?
    public var siteURL: String?
    public var feedID: String?
    public var feedUpdated: Date?
    public var etag: String?
    public var lastModified: String?
    /// Where a permanent redirect said the feed now lives; used for fetching from then on.
    public var permanentURL: String?
    /// 410 Gone: no longer polled.
    public var gone: Bool
    public var failures: Int
    public var nextPoll: Date?
    public var lastFetch: Date?
    public var lastSuccess: Date?
    public var lastStatus: Int?
    /// The stage (FETCH, PARSE) and message of the last failure; cleared by a success.
    public var lastErrorStage: String?
    public var lastError: String?
    /// The publisher's polling hints from the last good document and response.
    public var hints: PublisherHints

    public init(url: String, name: String) {
        self.url = url
        self.name = name
        gone = false
        failures = 0
        hints = PublisherHints()
    }
}

extension StoreTransaction {
    /// A source row's columns, in the order `sourceRecord` reads them.
    static let sourceColumns = """
        url, name, title, site_url, feed_id, feed_updated, etag, last_modified, permanent_url, gone, failures,
        next_poll, last_fetch, last_success, last_status, last_error_stage, last_error, hints
        """

    public func source(url: String) throws -> SourceRecord? {
        try session.first("SELECT \(Self.sourceColumns) FROM source WHERE url = ?", [url], Self.sourceRecord)
    }

    public func sources() throws -> [SourceRecord] {
        try session.all("SELECT \(Self.sourceColumns) FROM source ORDER BY name, url", [], Self.sourceRecord)
    }

    /// The sources still polled (not gone) whose next poll is at or before `date`, or not set: the rows a
    /// due pass needs, found through the schedule index whatever the number of sources.
    public func dueSources(at date: Date) throws -> [SourceRecord] {
        try session.all(
            "SELECT \(Self.sourceColumns) FROM source WHERE gone = 0 AND (next_poll IS NULL OR next_poll <= ?)",
            [Self.seconds(date)], Self.sourceRecord
        )
    }

    /// The next polls of the sources still polled, soonest first (an unset one first of all), at most `limit`.
    public func upcomingPolls(limit: Int) throws -> [(url: String, nextPoll: Date?)] {
        // SQLite sorts NULL first by itself (and walks the schedule index for it); PostgreSQL is told to.
        let order = session.dialect == .sqlite ? "next_poll" : "next_poll NULLS FIRST"
        return try session.all("SELECT url, next_poll FROM source WHERE gone = 0 ORDER BY \(order) LIMIT ?", [limit]) { row in
            (try row.text(required: 0), try row.integer(1).map(Self.date))
        }
    }

    /// Which of `urls` have a row (were polled at least once), looked up through the key in batches.
    public func knownSources(_ urls: [String]) throws -> Set<String> {
        var known = Set<String>()
        var start = 0
        while start < urls.count {
            let batch = Array(urls[start..<min(start + Self.lookupBatch, urls.count)])
            let marks = Array(repeating: "?", count: batch.count).joined(separator: ", ")
            try session.query("SELECT url FROM source WHERE url IN (\(marks))", batch.map { .text($0) }) { row in
                known.insert(try row.text(required: 0))
            }
            start += batch.count
        }
        return known
    }

    /// Adds a row for each source the store has none of, due at once (`next_poll` NULL): instances that
    /// share the store see it, and one of them claims it. Existing rows are left as they are.
    public func addSources(_ sources: [(url: String, name: String)]) throws {
        // Looked up in batches first: a pass on a store that knows every source sends no insert.
        let known = try knownSources(sources.map(\.url))
        for source in sources where !known.contains(source.url) {
            try session.execute(
                "INSERT INTO source (url, name, gone, failures) VALUES (?, ?, 0, 0) ON CONFLICT(url) DO NOTHING",
                [source.url, source.name]
            )
        }
    }

    /// Claims for `owner`, until `until`, at most `limit` of `urls` that are due at `now` (every one not yet
    /// fetched at `now` when `all`) and that no live lease holds; returns them, soonest due first. Rows
    /// another instance is claiming at this moment are skipped, not waited for (`FOR UPDATE SKIP LOCKED`),
    /// so instances that share the store split the due sources between them and no source is polled twice.
    /// PostgreSQL only: a SQLite store has one instance.
    /// `leaseClock` is the instant leases are measured against (the pass's `now` plus the time it has run).
    public func claimDueSources(
        _ urls: [String], at now: Date, all: Bool, owner: String, leaseClock: Date, until: Date, limit: Int
    ) throws -> [SourceRecord] {
        precondition(session.dialect == .postgres, "claims are for a shared (PostgreSQL) store")
        let instant = Self.seconds(now)
        return try session.all(
            """
            UPDATE source SET lease_owner = ?, lease_until = ?
            WHERE url IN (
                SELECT url FROM source
                WHERE url = ANY(?) AND gone = 0 AND (last_fetch IS NULL OR last_fetch < ?)
                    AND (? = 1 OR next_poll IS NULL OR next_poll <= ?) AND (lease_until IS NULL OR lease_until < ?)
                ORDER BY next_poll NULLS FIRST, url LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING \(Self.sourceColumns)
            """,
            [owner, Self.seconds(until), urls, instant, all, instant, Self.seconds(leaseClock), limit], Self.sourceRecord
        )
    }

    /// Ends `owner`'s lease on a source (after its poll is stored).
    public func releaseSource(url: String, owner: String) throws {
        try session.execute("UPDATE source SET lease_owner = NULL, lease_until = NULL WHERE url = ? AND lease_owner = ?", [url, owner])
    }

    /// Keys per `IN` list: well under SQLite's limit on bound parameters.
    static let lookupBatch = 500

    public func saveSource(_ r: SourceRecord) throws {
        try session.execute(
            """
            INSERT INTO source (\(Self.sourceColumns))
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(url) DO UPDATE SET name = excluded.name, title = excluded.title, site_url = excluded.site_url,
                feed_id = excluded.feed_id, feed_updated = excluded.feed_updated, etag = excluded.etag,
                last_modified = excluded.last_modified, permanent_url = excluded.permanent_url, gone = excluded.gone,
                failures = excluded.failures, next_poll = excluded.next_poll, last_fetch = excluded.last_fetch,
                last_success = excluded.last_success, last_status = excluded.last_status,
                last_error_stage = excluded.last_error_stage, last_error = excluded.last_error, hints = excluded.hints
            """,
            [
                r.url, r.name, r.title, r.siteURL, r.feedID, r.feedUpdated.map(Self.seconds), r.etag, r.lastModified,
                r.permanentURL, r.gone, r.failures, r.nextPoll.map(Self.seconds), r.lastFetch.map(Self.seconds),
                r.lastSuccess.map(Self.seconds), r.lastStatus, r.lastErrorStage, r.lastError, Self.json(r.hints),
            ]
        )
    }

    /// Marks which of a source's entries its latest document still carries (`last_seen = at`).
    public func markSeen(source: String, ids: [String], at date: Date) throws {
        for id in ids {
            try session.execute("UPDATE entry SET last_seen = ? WHERE source = ? AND id = ?", [Self.seconds(date), source, id])
        }
    }

    /// Deletes a source's entries that its feed no longer carries and that fall outside the retention:
    /// beyond the `keep` newest, or published before `olderThan`. Entries still in the feed are kept, so
    /// they can never come back as new.
    @discardableResult
    public func pruneEntries(source: String, seenBefore: Date, keep: Int, olderThan: Date?) throws -> Int {
        let floor = olderThan.map(Self.seconds) ?? Int64.min
        return try session.execute(
            """
            DELETE FROM entry WHERE source = ? AND COALESCE(last_seen, 0) < ? AND (
                published < ? OR id NOT IN (
                    SELECT id FROM entry WHERE source = ? ORDER BY published DESC, id LIMIT ?))
            """,
            [source, Self.seconds(seenBefore), floor, source, keep]
        )
    }

    /// Every stored entry of a source (for status and tests).
    public func entryCount(source: String) throws -> Int {
        Int(try session.integer("SELECT COUNT(*) FROM entry WHERE source = ? AND retracted_at IS NULL", [source]) ?? 0)
    }

    static func sourceRecord(_ row: any StoreRow) throws -> SourceRecord {
        var r = SourceRecord(url: try row.text(required: 0), name: try row.text(required: 1))
        r.title = try row.text(2)
        r.siteURL = try row.text(3)
        r.feedID = try row.text(4)
        r.feedUpdated = try row.integer(5).map(date)
        r.etag = try row.text(6)
        r.lastModified = try row.text(7)
        r.permanentURL = try row.text(8)
        r.gone = (try row.integer(9) ?? 0) != 0
        r.failures = Int(try row.integer(10) ?? 0)
        r.nextPoll = try row.integer(11).map(date)
        r.lastFetch = try row.integer(12).map(date)
        r.lastSuccess = try row.integer(13).map(date)
        r.lastStatus = try row.integer(14).map { Int($0) }
        r.lastErrorStage = try row.text(15)
        r.lastError = try row.text(16)
        r.hints = decode(PublisherHints.self, try row.text(17)) ?? PublisherHints()
        return r
    }
}
