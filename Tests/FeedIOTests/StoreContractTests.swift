import FeedCore
import FeedIO
import FeeddTestSupport
import Foundation
import Testing

/// What every store engine must do alike: each test runs on SQLite and on a real PostgreSQL server, and
/// the same calls must give the same answers (orders, upserts, generations, dates) on both.
@Suite struct StoreContractTests {
    static func entry(_ id: String, published: TimeInterval, title: String = "T") -> Entry {
        Entry(
            id: id, title: title, link: "https://example.org/\(id)",
            published: Date(timeIntervalSince1970: published), updated: Date(timeIntervalSince1970: published + 10),
            originalDate: Date(timeIntervalSince1970: 86_400), summary: "s", contentHTML: "<p>c</p>", language: "fr",
            authors: [Author(name: "A", email: "a@example.org")], categories: ["x", "y"],
            enclosures: [Enclosure(url: "https://example.org/a.mp3", type: "audio/mpeg", length: 12)],
            source: SourceFeed(id: "feed", title: "Feed", link: "https://example.org/", feedURL: "https://example.org/f.xml")
        )
    }

    @Test(arguments: StoreEngine.allCases)
    func entriesRoundTripAcrossOpens(_ engine: StoreEngine) throws {
        let fixture = try StoreFixture(engine)
        let e = Self.entry("tag:example.org,2026:a", published: 1_700_000_000, title: "Ünïcödé — 日本語 \u{1F600}")
        var polled = Self.entry("https://example.org/p", published: -86_400 * 365)
        polled.originalDate = nil
        polled.authors = []
        do {
            let store = try fixture.open()
            try store.write { tx in
                try tx.saveEntry(StoredEntry(source: "articles", origin: "000_a.txt", contentHash: "h", entry: e))
                try tx.saveEntry(StoredEntry(source: "https://example.org/f.xml", origin: "o", contentHash: "p", entry: polled))
            }
        }
        let reopened = try fixture.open()
        let back = try reopened.read { try $0.entry(source: "articles", id: e.id) }
        #expect(back?.entry == e)
        #expect(back?.contentHash == "h")
        #expect(back?.bodyDropped == false)
        #expect(try reopened.read { try $0.entry(source: "https://example.org/f.xml", id: polled.id) }?.entry == polled)
        #expect(try reopened.read { try $0.entry(source: "articles", id: "missing") } == nil)
    }

    @Test(arguments: StoreEngine.allCases)
    func visibleEntriesAreNewestFirstCappedAndWithoutRetracted(_ engine: StoreEngine) throws {
        let store = try StoreFixture(engine).open()
        try store.write { tx in
            // Same published second: origin descending by bytes ("0…" < "Z" < "é"), then id.
            for (i, name) in ["001_a.txt", "002_b.txt", "003_c.txt", "Z.txt", "é.txt"].enumerated() {
                try tx.saveEntry(StoredEntry(source: "articles", origin: name, contentHash: "h", entry: Self.entry("id\(i)", published: 1_000)))
            }
            try tx.saveEntry(StoredEntry(source: "articles", origin: "000.txt", contentHash: "h", entry: Self.entry("new", published: 2_000)))
            try tx.saveEntry(StoredEntry(source: "other", origin: "zzz.txt", contentHash: "h", entry: Self.entry("old", published: 10)))
            try tx.retractEntry(source: "articles", id: "id1", at: Date(timeIntervalSince1970: 5_000))
        }
        let ids = try store.read { try $0.visibleStoredEntries(limit: 4, notBefore: nil).map(\.entry.id) }
        #expect(ids == ["new", "id4", "id3", "id2"])
        let recent = try store.read { try $0.visibleStoredEntries(limit: 10, notBefore: Date(timeIntervalSince1970: 500)).map(\.entry.id) }
        #expect(recent == ["new", "id4", "id3", "id2", "id0"])
        let other = try store.read { try $0.visibleStoredEntries(limit: 10, notBefore: nil, sources: ["other", "none"]).map(\.entry.id) }
        #expect(other == ["old"])
        #expect(try store.read { try $0.lastChange() } == Date(timeIntervalSince1970: 5_000))
        #expect(try store.read { try $0.entryCount(source: "articles") } == 5)
    }

    @Test(arguments: StoreEngine.allCases)
    func articleFilesAreUpsertedCountedAndListedInByteOrder(_ engine: StoreEngine) throws {
        let store = try StoreFixture(engine).open()
        try store.write { tx in
            for name in ["b.txt", "a.txt", "B.txt", "é.txt", "_.txt"] {
                try tx.saveArticleFile(ArticleFileRecord(name: name, size: 1, modifiedNanoseconds: 2, entryID: "x", error: nil))
            }
            try tx.saveArticleFile(ArticleFileRecord(name: "a.txt", size: 3, modifiedNanoseconds: 4_000_000_000_000_000_000, entryID: "x", error: nil))
            try tx.saveArticleFile(ArticleFileRecord(name: "c.txt", size: 0, modifiedNanoseconds: 4, entryID: nil, error: "empty"))
        }
        let files = try store.read { try $0.articleFileList() }
        #expect(files.map(\.name) == ["B.txt", "_.txt", "a.txt", "b.txt", "c.txt", "é.txt"])
        #expect(files[2].size == 3 && files[2].modifiedNanoseconds == 4_000_000_000_000_000_000)
        #expect(try store.read { try $0.rejectedArticleFiles() }.map { [$0.name, $0.error] } == [["c.txt", "empty"]])
        #expect(try store.read { try $0.articleFileCount() } == 6)
        #expect(try store.read { try $0.articleFileCount(entryID: "x") } == 5)
        #expect(try store.read { try $0.articleFileName(entryID: "x") } == "B.txt")
        try store.write { try $0.deleteArticleFile(name: "B.txt") }
        #expect(try store.read { try $0.articleFileName(entryID: "x") } == "_.txt")
        #expect(try store.read { try $0.articleFileName(entryID: "none") } == nil)
    }

    @Test(arguments: StoreEngine.allCases)
    func theGenerationMovesOnlyWithAChangedRowAndTheScanDigestDropsWithAnyFileChange(_ engine: StoreEngine) throws {
        let store = try StoreFixture(engine).open()
        let start = try store.read { try $0.generation() }
        try store.write { _ in }
        try store.write { try $0.retractEntry(source: "articles", id: "none", at: Date()) }
        #expect(try store.read { try $0.generation() } == start, "a write that changes no row keeps the generation")
        try store.recordMeta([StateStore.articlesScanKey: "digest", "k": "v"])
        #expect(try store.read { try $0.generation() } == start, "bookkeeping keeps the generation")
        #expect(try store.read { try $0.meta("k") } == "v")
        try store.recordMeta(["k": "w"])
        #expect(try store.read { try $0.meta("k") } == "w")
        try store.write { try $0.saveArticleFile(ArticleFileRecord(name: "a.txt", size: 1, modifiedNanoseconds: 2, entryID: nil, error: "x")) }
        #expect(try store.read { try $0.generation() } == start + 1)
        #expect(try store.read { try $0.meta(StateStore.articlesScanKey) } == nil, "a changed file row drops the digest")
        try store.recordMeta([StateStore.articlesScanKey: "digest", "when": StateStore.metaValue(Date(timeIntervalSince1970: 1_234))])
        #expect(try store.read { try $0.metaDate("when") } == Date(timeIntervalSince1970: 1_234))
        try store.write { try $0.deleteArticleFile(name: "a.txt") }
        #expect(try store.read { try $0.meta(StateStore.articlesScanKey) } == nil)
        #expect(try store.read { try $0.generation() } == start + 2)
    }

    @Test(arguments: StoreEngine.allCases)
    func aFailedWriteChangesNothing(_ engine: StoreEngine) throws {
        let store = try StoreFixture(engine).open()
        struct Stop: Error {}
        #expect(throws: StoreError.self) {
            try store.write { tx in
                try tx.saveArticleFile(ArticleFileRecord(name: "a.txt", size: 1, modifiedNanoseconds: 2, entryID: nil, error: "x"))
                throw Stop()
            }
        }
        #expect(try store.read { try $0.articleFileCount() } == 0)
        #expect(try store.read { try $0.generation() } == 0)
        // The store goes on working after the rollback.
        try store.write { try $0.saveArticleFile(ArticleFileRecord(name: "b.txt", size: 1, modifiedNanoseconds: 2, entryID: nil, error: "x")) }
        #expect(try store.read { try $0.articleFileCount() } == 1)
    }

    @Test(arguments: StoreEngine.allCases)
    func sourcesAreSavedScheduledAndFoundInBatches(_ engine: StoreEngine) throws {
        let store = try StoreFixture(engine).open()
        var full = SourceRecord(url: "https://example.org/a.xml", name: "A")
        (full.title, full.siteURL, full.feedID) = ("Title", "https://example.org/", "urn:x")
        (full.feedUpdated, full.etag, full.lastModified) = (Date(timeIntervalSince1970: 77), "\"e\"", "Tue, 01 Dec 2026 00:00:00 GMT")
        (full.permanentURL, full.failures, full.lastStatus) = ("https://example.org/moved.xml", 3, 503)
        (full.nextPoll, full.lastFetch, full.lastSuccess) = (Date(timeIntervalSince1970: 500), Date(timeIntervalSince1970: 400), Date(timeIntervalSince1970: 300))
        (full.lastErrorStage, full.lastError) = ("FETCH", "HTTP 503")
        full.hints.ttlMinutes = 60
        var gone = SourceRecord(url: "https://example.org/gone.xml", name: "A")
        gone.gone = true
        var unset = SourceRecord(url: "https://example.org/new.xml", name: "B")
        unset.nextPoll = nil
        var later = SourceRecord(url: "https://example.org/later.xml", name: "0")
        later.nextPoll = Date(timeIntervalSince1970: 900)
        try store.write { tx in
            for record in [full, gone, unset, later] { try tx.saveSource(record) }
            for i in 0..<1_200 {
                var many = SourceRecord(url: "https://many.example/\(i)", name: "m")
                many.nextPoll = Date(timeIntervalSince1970: 10_000 + Double(i))
                try tx.saveSource(many)
            }
        }
        #expect(try store.read { try $0.source(url: full.url) } == full)
        full.failures = 0
        try store.write { try $0.saveSource(full) }
        #expect(try store.read { try $0.source(url: full.url) }?.failures == 0)
        #expect(try store.read { try $0.source(url: gone.url) }?.gone == true)
        let due = try store.read { try $0.dueSources(at: Date(timeIntervalSince1970: 600)) }.map(\.url).sorted()
        #expect(due == [full.url, unset.url].sorted())
        let upcoming = try store.read { try $0.upcomingPolls(limit: 3) }
        #expect(upcoming.map(\.url) == [unset.url, full.url, later.url], "an unset next poll comes first")
        #expect(upcoming.map(\.nextPoll) == [nil, Date(timeIntervalSince1970: 500), Date(timeIntervalSince1970: 900)])
        let asked = (0..<1_300).map { "https://many.example/\($0)" } + [full.url, "https://nowhere.example/"]
        let known = try store.read { try $0.knownSources(asked) }
        #expect(known.count == 1_201 && known.contains(full.url) && !known.contains("https://many.example/1200"))
        let names = try store.read { try $0.sources() }.prefix(4).map { [$0.name, $0.url] }
        #expect(names == [["0", later.url], ["A", full.url], ["A", gone.url], ["B", unset.url]])
    }

    @Test(arguments: StoreEngine.allCases)
    func pruningKeepsWhatTheFeedCarriesAndTheNewest(_ engine: StoreEngine) throws {
        let store = try StoreFixture(engine).open()
        let source = "https://example.org/f.xml"
        let now = Date(timeIntervalSince1970: 100_000)
        try store.write { tx in
            for i in 0..<6 {
                try tx.saveEntry(StoredEntry(source: source, origin: source, contentHash: "h", entry: Self.entry("e\(i)", published: Double(1_000 * i))))
            }
            try tx.saveEntry(StoredEntry(source: "other", origin: "o", contentHash: "h", entry: Self.entry("e0", published: 0)))
            try tx.markSeen(source: source, ids: ["e0"], at: now)
        }
        // Keep the 2 newest (e5, e4) and what the feed still carries (e0); nothing published before 1,500
        // outside the feed either.
        let removed = try store.write { try $0.pruneEntries(source: source, seenBefore: now, keep: 2, olderThan: Date(timeIntervalSince1970: 1_500)) }
        #expect(removed == 3)
        let left = try store.read { try $0.visibleStoredEntries(limit: 10, notBefore: nil, sources: [source]) }.map(\.entry.id)
        #expect(left == ["e5", "e4", "e0"])
        #expect(try store.read { try $0.entryCount(source: "other") } == 1)
        // A replaced entry starts unseen again.
        try store.write { try $0.saveEntry(StoredEntry(source: source, origin: source, contentHash: "h2", entry: Self.entry("e0", published: 0))) }
        try store.write { _ = try $0.pruneEntries(source: source, seenBefore: now, keep: 2, olderThan: nil) }
        #expect(try store.read { try $0.visibleStoredEntries(limit: 10, notBefore: nil, sources: [source]) }.map(\.entry.id) == ["e5", "e4"])
    }

    @Test(arguments: StoreEngine.allCases)
    func instantsAndArticleTextsAreFoundAndLetGo(_ engine: StoreEngine) throws {
        let store = try StoreFixture(engine).open()
        try store.write { tx in
            for (i, second) in [100, 105, 110, 200].enumerated() {
                var e = Self.entry("a\(i)", published: Double(second) - 10)
                e.updated = Date(timeIntervalSince1970: Double(second))
                try tx.saveEntry(StoredEntry(source: i < 3 ? "articles" : "s", origin: "\(i)", contentHash: "h\(i)", entry: e))
            }
        }
        #expect(try store.read { try $0.heldSeconds(from: 100, before: 200) }.sorted() == [100, 105, 110])
        #expect(try store.read { try $0.latestUpdated(source: "articles", notAfter: 107) } == 105)
        #expect(try store.read { try $0.latestUpdated(source: "none", notAfter: 107) } == nil)
        #expect(try store.read { try $0.articleIDsWithBodies() }.sorted() == ["a0", "a1", "a2"])

        try store.recordArticleBodies(restored: [], dropped: ["a0", "a1"])
        let dropped = try #require(try store.read { try $0.entry(source: "articles", id: "a0") })
        #expect(dropped.bodyDropped && dropped.entry.summary == nil && dropped.entry.contentHTML == nil)
        #expect(try store.read { try $0.articleIDsWithBodies() } == ["a2"])
        // Restored only while the entry is unchanged (its hash).
        var back = dropped
        (back.entry.summary, back.entry.contentHTML, back.bodyDropped) = ("s", "<p>c</p>", false)
        var stale = try #require(try store.read { try $0.entry(source: "articles", id: "a1") })
        (stale.entry.summary, stale.contentHash) = ("old", "changed")
        try store.recordArticleBodies(restored: [back, stale], dropped: [])
        #expect(try store.read { try $0.entry(source: "articles", id: "a0") }?.entry.summary == "s")
        #expect(try store.read { try $0.entry(source: "articles", id: "a1") }?.bodyDropped == true)
    }

    @Test(arguments: StoreEngine.allCases)
    func aPendingBodyIsKeptAsWrittenAndReplacedOnlyWhileTheEntryIsUnchanged(_ engine: StoreEngine) throws {
        let store = try StoreFixture(engine).open()
        var bare = Self.entry("https://example.org/p", published: 1_700_000_000)
        (bare.summary, bare.contentHTML) = (nil, nil)
        let body = PendingBody(
            summary: ParsedContent(value: "<b>Short</b> &amp; sweet", kind: .html),
            content: ParsedContent(value: "<script>x()</script><p>Raw</p>", kind: .xhtml),
            base: "https://example.org/base/"
        )
        let source = "https://example.org/f.xml"
        try store.write { try $0.saveEntry(StoredEntry(source: source, origin: source, contentHash: "h1", entry: bare, pendingBody: body)) }
        let back = try #require(try store.read { try $0.entry(source: source, id: bare.id) })
        #expect(back.pendingBody == body)
        #expect(back.entry.summary == nil && back.entry.contentHTML == nil, "raw HTML is never handed out as finished")
        #expect(back.entry == bare)
        #expect(try store.read { try $0.visibleStoredEntries(limit: 5, notBefore: nil) }.first?.pendingBody == body)

        // Finishing keeps the made body without moving the generation (the outputs do not change).
        let generation = try store.read { try $0.generation() }
        var done = back
        (done.entry.summary, done.entry.contentHTML, done.pendingBody) = ("Short & sweet", "<p>Raw</p>", nil)
        try store.recordFinishedBodies([done])
        let finished = try #require(try store.read { try $0.entry(source: source, id: bare.id) })
        #expect(finished.pendingBody == nil)
        #expect(finished.entry.summary == "Short & sweet" && finished.entry.contentHTML == "<p>Raw</p>")
        #expect(try store.read { try $0.generation() } == generation)

        // A body finished from what a later poll replaced is not kept: the newer pending body stands.
        try store.write { try $0.saveEntry(StoredEntry(source: source, origin: source, contentHash: "h2", entry: bare, pendingBody: body)) }
        try store.recordFinishedBodies([done])
        #expect(try store.read { try $0.entry(source: source, id: bare.id) }?.pendingBody == body)
    }

    @Test func postgresMigrationsAreSafeWhenInstancesStartAtOnceAndANewerSchemaIsRefused() async throws {
        let fixture = try StoreFixture(.postgres)
        let location = try #require(fixture.location)
        // Five instances open the same new database at once: each migration is applied once.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<5 { group.addTask { _ = try StateStore(postgres: location, password: nil) } }
            try await group.waitForAll()
        }
        let cluster = try #require(fixture.cluster)
        let database = try #require(fixture.database)
        #expect(try cluster.psql(database, "SELECT string_agg(version::text, ',' ORDER BY version) FROM feedd_schema") == "1,2,3\n")
        #expect(try cluster.psql(database, "SELECT value FROM meta WHERE key = 'generation'") == "0\n")
        // A store a newer feedd migrated further is refused, untouched.
        try cluster.psql(database, "INSERT INTO feedd_schema (version, name) VALUES (99, 'future')")
        #expect {
            _ = try StateStore(postgres: location, password: nil)
        } throws: { error in
            "\(error)".contains("version 99") && "\(error)".contains(location.description)
        }
    }

    @Test func aPostgresPasswordComesFromItsFileOrTheEnvironmentAndAWrongOneIsAClearError() throws {
        let cluster = try PostgresCluster.shared()
        let database = try cluster.createDatabase(owner: cluster.passwordUser)
        let directory = TemporaryDirectory()
        let location = try PostgresLocation(url: "postgresql://\(cluster.passwordUser)@127.0.0.1:\(cluster.port)/\(database)?sslmode=disable")
        directory.write("right", cluster.password + "\n")
        directory.write("wrong", "not-the-password\n")
        let store = try StateStore(.postgres(location, passwordFile: directory.file("right")), directory: "")
        #expect(try store.read { try $0.generation() } == 0)
        #expect {
            _ = try StateStore(.postgres(location, passwordFile: directory.file("wrong")), directory: "")
        } throws: { error in
            let text = "\(error)"
            return text.contains("password authentication failed") && text.contains(location.description) && !text.contains("not-the-password")
        }
        #expect {
            _ = try StateStore(.postgres(location, passwordFile: directory.file("missing")), directory: "")
        } throws: { error in
            "\(error)".contains("password file")
        }
        // Without a file: $FEEDD_STORE_PASSWORD (not set in the tests), so no password, refused by the server.
        #expect(throws: StoreError.self) { _ = try StateStore(postgres: location, password: nil) }
    }
}
