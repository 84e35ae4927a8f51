import FeedCore
import Foundation

/// What the store knows of one article file.
public struct ArticleFileRecord: Sendable, Hashable {
    public var name: String
    public var size: Int64
    public var modifiedNanoseconds: Int64
    /// The entry the file produced; nil when it was rejected.
    public var entryID: String?
    /// Why the file was rejected, when it was.
    public var error: String?

    public init(name: String, size: Int64, modifiedNanoseconds: Int64, entryID: String?, error: String?) {
        self.name = name
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
        self.entryID = entryID
        self.error = error
    }
}

/// An entry as stored: the published record plus what change detection needs.
public struct StoredEntry: Sendable, Hashable {
    public var source: String
    /// Orders entries that share a published time (the article's file name, the feed's URL).
    public var origin: String
    public var contentHash: String
    public var retractedAt: Date?
    /// The entry; while `pendingBody` is set its `summary` and `contentHTML` are nil (not made yet).
    public var entry: Entry
    /// A polled entry's body as written, until it is first published (`EntryNormalizer.finish`).
    public var pendingBody: PendingBody?
    /// An article whose summary and content were let go because no output published it (no row in
    /// `article_text`): they are read again from its file if it comes into an output (`Publisher`). Its
    /// `summary` and `contentHTML` are nil.
    public var bodyDropped: Bool

    public init(
        source: String, origin: String, contentHash: String, retractedAt: Date? = nil, entry: Entry,
        pendingBody: PendingBody? = nil, bodyDropped: Bool = false
    ) {
        self.source = source
        self.origin = origin
        self.contentHash = contentHash
        self.retractedAt = retractedAt
        self.entry = entry
        self.pendingBody = pendingBody
        self.bodyDropped = bodyDropped
    }
}

/// The store's operations, valid inside one `StateStore.read` or `write` call. Written once, in the SQL
/// that SQLite and PostgreSQL share (upserts with `ON CONFLICT`, `?` placeholders); the few statements
/// that differ ask the session's dialect.
public struct StoreTransaction {
    let session: any StoreSession

    // MARK: Article files

    /// Every article file the store knows, ordered by the bytes of the name (as `DirectoryScanner` lists).
    public func articleFileList() throws -> [ArticleFileRecord] {
        try session.all("SELECT name, size, mtime_ns, entry_id, error FROM article_file ORDER BY name") { row in
            ArticleFileRecord(
                name: try row.text(required: 0), size: try row.integer(required: 1),
                modifiedNanoseconds: try row.integer(required: 2), entryID: try row.text(3), error: try row.text(4)
            )
        }
    }

    /// How many article files the store knows, rejected ones included.
    public func articleFileCount() throws -> Int {
        Int(try session.integer("SELECT COUNT(*) FROM article_file") ?? 0)
    }

    /// The article files that gave no entry, each with its reason, ordered by name.
    public func rejectedArticleFiles() throws -> [ArticleFileRecord] {
        try session.all("SELECT name, size, mtime_ns, error FROM article_file WHERE error IS NOT NULL ORDER BY name") { row in
            ArticleFileRecord(
                name: try row.text(required: 0), size: try row.integer(required: 1),
                modifiedNanoseconds: try row.integer(required: 2), entryID: nil, error: try row.text(3)
            )
        }
    }

    public func saveArticleFile(_ record: ArticleFileRecord) throws {
        try session.execute(
            """
            INSERT INTO article_file (name, size, mtime_ns, entry_id, error) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(name) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns,
                entry_id = excluded.entry_id, error = excluded.error
            """,
            [record.name, record.size, record.modifiedNanoseconds, record.entryID, record.error]
        )
    }

    public func deleteArticleFile(name: String) throws {
        try session.execute("DELETE FROM article_file WHERE name = ?", [name])
    }

    /// How many article files still point at `entryID`.
    public func articleFileCount(entryID: String) throws -> Int {
        Int(try session.integer("SELECT COUNT(*) FROM article_file WHERE entry_id = ?", [entryID]) ?? 0)
    }

    // MARK: Entries

    public func entry(source: String, id: String) throws -> StoredEntry? {
        try session.first(
            "SELECT \(Self.entryColumns) FROM \(Self.entryWithText) WHERE entry.source = ? AND entry.id = ?", [source, id],
            Self.storedEntry
        )
    }

    /// Inserts or replaces an entry (keyed by source and id; a replaced row starts unseen, `last_seen`
    /// NULL). A pending body is kept in the `summary` and `content_html` columns as written, with
    /// `pending_body` saying how to read them.
    public func saveEntry(_ stored: StoredEntry) throws {
        let e = stored.entry
        let pending = stored.pendingBody
        precondition(pending == nil || (e.summary == nil && e.contentHTML == nil), "an entry with a pending body has no finished one")
        // An article's text goes to `article_text`; a dropped one stays out of it.
        let article = stored.source == StateStore.articlesSource
        let summary: String? = article ? nil : pending.map { $0.summary?.value } ?? e.summary
        let content: String? = article ? nil : pending.map { $0.content?.value } ?? e.contentHTML
        try session.execute(
            """
            INSERT INTO entry (source, id, origin, title, link, summary, content_html, language,
                published, updated, original_date, content_hash, authors, categories, enclosures, source_feed,
                retracted_at, pending_body, last_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
            ON CONFLICT(source, id) DO UPDATE SET origin = excluded.origin, title = excluded.title,
                link = excluded.link, summary = excluded.summary, content_html = excluded.content_html,
                language = excluded.language, published = excluded.published, updated = excluded.updated,
                original_date = excluded.original_date, content_hash = excluded.content_hash,
                authors = excluded.authors, categories = excluded.categories, enclosures = excluded.enclosures,
                source_feed = excluded.source_feed, retracted_at = excluded.retracted_at,
                pending_body = excluded.pending_body, last_seen = NULL
            """,
            [
                stored.source, e.id, stored.origin, e.title, e.link, summary, content,
                e.language, Self.seconds(e.published), Self.seconds(e.updated), e.originalDate.map(Self.seconds),
                stored.contentHash, Self.json(e.authors), Self.json(e.categories), Self.json(e.enclosures),
                e.source.flatMap { Self.json($0) }, stored.retractedAt.map(Self.seconds),
                pending.flatMap { Self.json(PendingShape($0)) },
            ]
        )
        if article {
            if stored.bodyDropped {
                try session.execute("DELETE FROM article_text WHERE id = ?", [e.id])
            } else {
                try saveArticleText(id: e.id, summary: e.summary, content: e.contentHTML)
            }
        }
    }

    /// Replaces pending bodies with the finished summary and content made from them, unless the entry
    /// changed since it was read (its content hash moved). Publishing is unchanged by it.
    public func saveFinishedBodies(_ finished: [StoredEntry]) throws {
        for stored in finished where stored.pendingBody == nil {
            try session.execute(
                """
                UPDATE entry SET summary = ?, content_html = ?, pending_body = NULL
                WHERE source = ? AND id = ? AND content_hash = ? AND pending_body IS NOT NULL
                """,
                [stored.entry.summary, stored.entry.contentHTML, stored.source, stored.entry.id, stored.contentHash]
            )
        }
    }

    // MARK: Article bodies

    /// The article entries that still hold their summary and content (as many as the outputs show).
    public func articleIDsWithBodies() throws -> [String] {
        try session.all("SELECT id FROM article_text") { try $0.text(required: 0) }
    }

    /// Lets go of the summary and content of these article entries (`StoredEntry.bodyDropped`).
    public func dropArticleBodies(ids: some Sequence<String>) throws {
        for id in ids { try session.execute("DELETE FROM article_text WHERE id = ?", [id]) }
    }

    /// Puts back bodies read again from the article files, unless the entry changed since it was read.
    public func restoreArticleBodies(_ restored: [StoredEntry]) throws {
        for stored in restored {
            let current = try session.integer(
                "SELECT 1 FROM entry WHERE source = ? AND id = ? AND content_hash = ?",
                [StateStore.articlesSource, stored.entry.id, stored.contentHash]
            )
            if current != nil { try saveArticleText(id: stored.entry.id, summary: stored.entry.summary, content: stored.entry.contentHTML) }
        }
    }

    func saveArticleText(id: String, summary: String?, content: String?) throws {
        try session.execute(
            """
            INSERT INTO article_text (id, summary, content_html) VALUES (?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET summary = excluded.summary, content_html = excluded.content_html
            """,
            [id, summary, content]
        )
    }

    /// The file an article entry was read from (the first by name when several hold the same article).
    public func articleFileName(entryID: String) throws -> String? {
        try session.text("SELECT MIN(name) FROM article_file WHERE entry_id = ?", [entryID])
    }

    /// The `updated` seconds held by any entry in `[from, before)`, retracted ones too (they come back with
    /// their dates).
    public func heldSeconds(from: Int64, before: Int64) throws -> [Int64] {
        try session.all("SELECT updated FROM entry WHERE updated >= ? AND updated < ?", [from, before]) { try $0.integer(required: 0) }
    }

    /// The latest `updated` second of `source`'s entries at or before `notAfter`; nil when it has none.
    public func latestUpdated(source: String, notAfter: Int64) throws -> Int64? {
        try session.integer("SELECT MAX(updated) FROM entry WHERE source = ? AND updated <= ?", [source, notAfter])
    }

    /// Hides an entry from the outputs, keeping its dates for when it comes back.
    public func retractEntry(source: String, id: String, at date: Date) throws {
        try session.execute(
            "UPDATE entry SET retracted_at = ? WHERE source = ? AND id = ? AND retracted_at IS NULL",
            [Self.seconds(date), source, id]
        )
    }

    /// The visible entries, newest first (published, then origin descending, then id), at most `limit`,
    /// none published before `notBefore`, only from `sources` when given; a pending body is still pending.
    public func visibleStoredEntries(limit: Int, notBefore: Date?, sources: [String]? = nil) throws -> [StoredEntry] {
        let floor = notBefore.map(Self.seconds) ?? Int64.min
        var arguments: [any StoreArgument] = [floor]
        var sourceFilter = ""
        if let sources {
            // On SQLite a unary + keeps the planner on the ordering index (a scan that stops at LIMIT)
            // instead of the primary key followed by a sort of every row; PostgreSQL has no such operator
            // on text and plans by its statistics.
            let column = session.dialect == .sqlite ? "+entry.source" : "entry.source"
            sourceFilter = "AND \(column) IN (\(Array(repeating: "?", count: sources.count).joined(separator: ", ")))"
            arguments += sources.map { $0 as any StoreArgument }
        }
        arguments.append(limit)
        return try session.all(
            """
            SELECT \(Self.entryColumns) FROM \(Self.entryWithText)
            WHERE retracted_at IS NULL AND published >= ? \(sourceFilter)
            ORDER BY published DESC, origin DESC, entry.id ASC LIMIT ?
            """,
            arguments, Self.storedEntry
        )
    }

    // MARK: Encoding

    /// An entry's columns, in the order `storedEntry` reads them; an article's text from `article_text`
    /// (absent: `body_dropped` is 1).
    static let entryColumns = """
        entry.source, entry.id, origin, title, link, language, published, updated, original_date,
        content_hash, authors, categories, enclosures, source_feed, retracted_at, pending_body,
        COALESCE(entry.summary, article_text.summary), COALESCE(entry.content_html, article_text.content_html),
        CASE WHEN entry.source = 'articles' AND article_text.id IS NULL THEN 1 ELSE 0 END
        """

    /// The entries, each article joined to its text.
    static let entryWithText = "entry LEFT JOIN article_text ON entry.source = 'articles' AND article_text.id = entry.id"

    static func storedEntry(_ row: any StoreRow) throws -> StoredEntry {
        let (summary, content) = (try row.text(16), try row.text(17))
        let pending = decode(PendingShape.self, try row.text(15)).map { shape in
            shape.body(summary: summary, content: content)
        }
        let entry = Entry(
            id: try row.text(required: 1),
            title: try row.text(required: 3),
            link: try row.text(4),
            published: date(try row.integer(required: 6)),
            updated: date(try row.integer(required: 7)),
            originalDate: try row.integer(8).map(date),
            summary: pending == nil ? summary : nil,
            contentHTML: pending == nil ? content : nil,
            language: try row.text(5),
            authors: decode([Author].self, try row.text(10)) ?? [],
            categories: decode([String].self, try row.text(11)) ?? [],
            enclosures: decode([Enclosure].self, try row.text(12)) ?? [],
            source: decode(SourceFeed.self, try row.text(13))
        )
        return StoredEntry(
            source: try row.text(required: 0), origin: try row.text(required: 2), contentHash: try row.text(required: 9),
            retractedAt: try row.integer(14).map(date), entry: entry, pendingBody: pending,
            bodyDropped: try row.integer(18) == 1
        )
    }

    /// How a pending body's two columns are read: their kinds (nil: no such part) and the base URL.
    struct PendingShape: Codable {
        var summary: String?
        var content: String?
        var base: String?

        init(_ body: PendingBody) {
            summary = body.summary?.kind.rawValue
            content = body.content?.kind.rawValue
            base = body.base
        }

        func body(summary summaryValue: String?, content contentValue: String?) -> PendingBody {
            func part(_ kind: String?, _ value: String?) -> ParsedContent? {
                guard let kind, let value else { return nil }
                // An unknown kind (a newer feedd's) is read as HTML: sanitised, never published raw.
                return ParsedContent(value: value, kind: ContentKind(rawValue: kind) ?? .html)
            }
            return PendingBody(summary: part(summary, summaryValue), content: part(content, contentValue), base: base)
        }
    }

    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
    static func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    static func json<T: Encodable & Collection>(_ value: T) -> String? {
        value.isEmpty ? nil : json(single: value)
    }

    static func json<T: Encodable>(_ value: T) -> String? { json(single: value) }

    /// One encoder for every row (its settings never change), and the value's own type, not an
    /// existential: both showed in the profile of a cold poll, which writes thousands of rows.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static func json<T: Encodable>(single value: T) -> String? {
        (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}

extension StoreTransaction {
    /// A counter that moves with every write transaction that changed a row.
    public func generation() throws -> Int {
        Int(try meta("generation") ?? "0") ?? 0
    }

    public func meta(_ key: String) throws -> String? {
        try session.text("SELECT value FROM meta WHERE key = ?", [key])
    }

    /// A date recorded with `StateStore.metaValue`; nil when the key is absent (or holds no number).
    public func metaDate(_ key: String) throws -> Date? {
        try meta(key).flatMap { Int64($0) }.map(Self.date)
    }

    /// Sets a meta value (inside `StateStore.write` this moves the generation; use `StateStore.recordMeta`).
    public func setMeta(_ key: String, _ value: String) throws {
        try session.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value]
        )
    }

    /// Moves the generation by one (the store does it after a write transaction that changed a row).
    func advanceGeneration() throws {
        let next = session.dialect == .sqlite ? "CAST(value AS INTEGER) + 1" : "(CAST(value AS BIGINT) + 1)::text"
        try session.execute("UPDATE meta SET value = \(next) WHERE key = 'generation'")
    }

    /// The latest instant any entry was added, changed or retracted; nil for an empty store.
    public func lastChange() throws -> Date? {
        // Two ends of two indexes (the retracted one partial).
        let updated = try session.integer("SELECT MAX(updated) FROM entry")
        let retracted = try session.integer("SELECT MAX(retracted_at) FROM entry WHERE retracted_at IS NOT NULL")
        return [updated, retracted].compactMap { $0 }.max().map(Self.date)
    }
}
