import Foundation

/// One feedd process that shares the store, as it last said of itself: `feedd status` lists them.
public struct InstanceRecord: Sendable, Hashable {
    /// `host:pid:random` (`StateStore.instanceID`).
    public var id: String
    public var host: String
    public var pid: Int
    public var started: Date
    /// The last time it recorded itself (each daemon tick, every few seconds).
    public var seen: Date
    /// Whether it held the publisher role then.
    public var publisher: Bool
    /// The seeds directory it ingests; nil when none.
    public var seeds: String?
    /// Sources it holds a live claim on (read with the list, not stored).
    public var claimed: Int

    public init(id: String, host: String, pid: Int, started: Date, seen: Date, publisher: Bool, seeds: String?, claimed: Int = 0) {
        self.id = id
        self.host = host
        self.pid = pid
        self.started = started
        self.seen = seen
        self.publisher = publisher
        self.seeds = seeds
        self.claimed = claimed
    }
}

extension StoreTransaction {
    public func saveInstance(_ r: InstanceRecord) throws {
        try session.execute(
            """
            INSERT INTO instance (id, host, pid, started, seen, publisher, seeds) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET seen = excluded.seen, publisher = excluded.publisher, seeds = excluded.seeds
            """,
            [r.id, r.host, r.pid, Self.seconds(r.started), Self.seconds(r.seen), r.publisher, r.seeds]
        )
    }

    /// Forgets instances not seen since `before` (stopped or dead long ago).
    public func forgetInstances(seenBefore before: Date) throws {
        try session.execute("DELETE FROM instance WHERE seen < ?", [Self.seconds(before)])
    }

    /// Every instance on record, the most recently seen first, each with the sources it holds a claim on
    /// at `now`.
    public func instances(at now: Date) throws -> [InstanceRecord] {
        var claims: [String: Int] = [:]
        try session.query(
            "SELECT lease_owner, COUNT(*) FROM source WHERE lease_until >= ? GROUP BY lease_owner", [.integer(Self.seconds(now))]
        ) { row in
            if let owner = try row.text(0) { claims[owner] = Int(try row.integer(required: 1)) }
        }
        return try session.all("SELECT id, host, pid, started, seen, publisher, seeds FROM instance ORDER BY seen DESC, id") { row in
            let id = try row.text(required: 0)
            return InstanceRecord(
                id: id, host: try row.text(required: 1), pid: Int(try row.integer(required: 2)),
                started: Self.date(try row.integer(required: 3)), seen: Self.date(try row.integer(required: 4)),
                publisher: (try row.integer(5) ?? 0) != 0, seeds: try row.text(6), claimed: claims[id] ?? 0
            )
        }
    }
}
