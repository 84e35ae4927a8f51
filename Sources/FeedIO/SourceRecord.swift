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
