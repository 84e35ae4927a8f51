import FeedCore
import Foundation
import GRDB

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
    public func source(url: String) throws -> SourceRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM source WHERE url = ?"), arguments: [url]).map(Self.sourceRecord)
    }

    public func sources() throws -> [SourceRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM source ORDER BY name, url").map(Self.sourceRecord)
    }

    /// The sources still polled (not gone) whose next poll is at or before `date`, or not set: the rows a
    /// due pass needs, found through the schedule index whatever the number of sources.
    public func dueSources(at date: Date) throws -> [SourceRecord] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM source WHERE gone = 0 AND (next_poll IS NULL OR next_poll <= ?)"),
            arguments: [Self.seconds(date)]
        ).map(Self.sourceRecord)
    }

    /// The next polls of the sources still polled, soonest first (an unset one first of all), at most `limit`.
    public func upcomingPolls(limit: Int) throws -> [(url: String, nextPoll: Date?)] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT url, next_poll FROM source WHERE gone = 0 ORDER BY next_poll LIMIT ?"),
            arguments: [limit]
        ).map { row in (row["url"], (row["next_poll"] as Int64?).map(Self.date)) }
    }

    /// Which of `urls` have a row (were polled at least once), looked up through the key in batches.
    public func knownSources(_ urls: [String]) throws -> Set<String> {
        var known = Set<String>()
        var start = 0
        while start < urls.count {
            let batch = Array(urls[start..<min(start + Self.lookupBatch, urls.count)])
            let marks = Array(repeating: "?", count: batch.count).joined(separator: ", ")
            known.formUnion(try String.fetchAll(db, sql: "SELECT url FROM source WHERE url IN (\(marks))", arguments: StatementArguments(batch)))
            start += batch.count
        }
        return known
    }

    /// Keys per `IN` list: well under SQLite's limit on bound parameters.
    static let lookupBatch = 500

    public func saveSource(_ r: SourceRecord) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO source (url, name, title, site_url, feed_id, feed_updated, etag, last_modified,
                permanent_url, gone, failures, next_poll, last_fetch, last_success, last_status, last_error_stage,
                last_error, hints)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
            r.url, r.name, r.title, r.siteURL, r.feedID, r.feedUpdated.map(Self.seconds), r.etag, r.lastModified,
            r.permanentURL, r.gone, r.failures, r.nextPoll.map(Self.seconds), r.lastFetch.map(Self.seconds),
            r.lastSuccess.map(Self.seconds), r.lastStatus, r.lastErrorStage, r.lastError, Self.json(r.hints),
        ])
    }

    /// Marks which of a source's entries its latest document still carries (`last_seen = at`).
    public func markSeen(source: String, ids: [String], at date: Date) throws {
        let statement = try db.cachedStatement(sql: "UPDATE entry SET last_seen = ? WHERE source = ? AND id = ?")
        for id in ids {
            try statement.execute(arguments: [Self.seconds(date), source, id])
        }
    }

    /// Deletes a source's entries that its feed no longer carries and that fall outside the retention:
    /// beyond the `keep` newest, or published before `olderThan`. Entries still in the feed are kept, so
    /// they can never come back as new.
    @discardableResult
    public func pruneEntries(source: String, seenBefore: Date, keep: Int, olderThan: Date?) throws -> Int {
        let floor = olderThan.map(Self.seconds) ?? Int64.min
        try db.execute(
            sql: """
                DELETE FROM entry WHERE source = ? AND COALESCE(last_seen, 0) < ? AND (
                    published < ? OR id NOT IN (
                        SELECT id FROM entry WHERE source = ? ORDER BY published DESC, id LIMIT ?))
                """,
            arguments: [source, Self.seconds(seenBefore), floor, source, keep]
        )
        return db.changesCount
    }

    /// Every stored entry of a source (for status and tests).
    public func entryCount(source: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entry WHERE source = ? AND retracted_at IS NULL", arguments: [source]) ?? 0
    }

    static func sourceRecord(_ row: Row) -> SourceRecord {
        var r = SourceRecord(url: row["url"], name: row["name"])
        r.title = row["title"]
        r.siteURL = row["site_url"]
        r.feedID = row["feed_id"]
        r.feedUpdated = (row["feed_updated"] as Int64?).map(date)
        r.etag = row["etag"]
        r.lastModified = row["last_modified"]
        r.permanentURL = row["permanent_url"]
        r.gone = row["gone"]
        r.failures = row["failures"]
        r.nextPoll = (row["next_poll"] as Int64?).map(date)
        r.lastFetch = (row["last_fetch"] as Int64?).map(date)
        r.lastSuccess = (row["last_success"] as Int64?).map(date)
        r.lastStatus = row["last_status"]
        r.lastErrorStage = row["last_error_stage"]
        r.lastError = row["last_error"]
        r.hints = decode(PublisherHints.self, row["hints"]) ?? PublisherHints()
        return r
    }
}
