import FeedCore
import FeedIO
import FeeddTestSupport
import Foundation
import Testing

@Suite struct StateStoreTests {
    func entry(_ id: String, published: TimeInterval, title: String = "T") -> Entry {
        Entry(
            id: id, title: title, link: "https://example.org/\(id)",
            published: Date(timeIntervalSince1970: published), updated: Date(timeIntervalSince1970: published + 10),
            originalDate: Date(timeIntervalSince1970: 86_400), summary: "s", contentHTML: "<p>c</p>", language: "fr",
            authors: [Author(name: "A", email: "a@example.org")], categories: ["x", "y"],
            enclosures: [Enclosure(url: "https://example.org/a.mp3", type: "audio/mpeg", length: 12)],
            source: SourceFeed(id: "feed", title: "Feed", link: "https://example.org/", feedURL: "https://example.org/f.xml")
        )
    }

    @Test func entriesRoundTripThroughTheDatabaseFile() throws {
        let dir = TemporaryDirectory()
        let e = entry("tag:example.org,2026:a", published: 1_700_000_000)
        do {
            let store = try StateStore(directory: dir.file("state"))
            try store.write { try $0.saveEntry(StoredEntry(source: "articles", origin: "000_a.txt", contentHash: "h", entry: e)) }
        }
        let reopened = try StateStore(directory: dir.file("state"))
        let back = try reopened.read { try $0.entry(source: "articles", id: e.id) }
        #expect(back?.entry == e)
        #expect(back?.contentHash == "h")
        #expect(FileManager.default.fileExists(atPath: dir.file("state/feedd.sqlite")))
    }

    @Test func visibleEntriesAreNewestFirstCappedAndWithoutRetracted() throws {
        let dir = TemporaryDirectory()
        let store = try StateStore(directory: dir.path)
        try store.write { tx in
            for (i, name) in ["001_a.txt", "002_b.txt", "003_c.txt"].enumerated() {
                try tx.saveEntry(StoredEntry(source: "articles", origin: name, contentHash: "h",
                                             entry: entry("id\(i)", published: 1_000)))
            }
            try tx.saveEntry(StoredEntry(source: "articles", origin: "000.txt", contentHash: "h", entry: entry("new", published: 2_000)))
            try tx.saveEntry(StoredEntry(source: "articles", origin: "zzz.txt", contentHash: "h", entry: entry("old", published: 10)))
            try tx.retractEntry(source: "articles", id: "id1", at: Date(timeIntervalSince1970: 5_000))
        }
        let ids = try store.read { try $0.visibleStoredEntries(limit: 3, notBefore: nil).map(\.entry.id) }
        #expect(ids == ["new", "id2", "id0"])
        let recent = try store.read { try $0.visibleStoredEntries(limit: 10, notBefore: Date(timeIntervalSince1970: 500)).map(\.entry.id) }
        #expect(recent == ["new", "id2", "id0"])
        #expect(try store.read { try $0.lastChange() } == Date(timeIntervalSince1970: 5_000))
    }

    @Test func openingAndReadingAnExistingStoreChangesNoByte() throws {
        let dir = TemporaryDirectory()
        do {
            let store = try StateStore(directory: dir.path)
            try store.write { try $0.saveArticleFile(ArticleFileRecord(name: "a.txt", size: 1, modifiedNanoseconds: 2, entryID: "x", error: nil)) }
        }
        let path = dir.file("feedd.sqlite")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // The -wal and -shm files stay between opens, so an open that writes nothing leaves the directory alone.
        let directoryBefore = try FileManager.default.attributesOfItem(atPath: dir.path)[.modificationDate] as? Date
        for _ in 0..<3 {
            let store = try StateStore(directory: dir.path)
            #expect(try store.read { try $0.articleFileList().count } == 1)
        }
        // GRDB's own WAL set-up created and dropped a table on every open: a schema change and four fsyncs.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let walSize = FileManager.default.fileExists(atPath: path + "-wal")
            ? try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int : 0
        #expect(walSize == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: dir.path)[.modificationDate] as? Date == directoryBefore)
    }

    @Test func articleFileRecordsAreUpsertedAndCounted() throws {
        let dir = TemporaryDirectory()
        let store = try StateStore(directory: dir.path)
        try store.write { tx in
            try tx.saveArticleFile(ArticleFileRecord(name: "a.txt", size: 1, modifiedNanoseconds: 2, entryID: "x", error: nil))
            try tx.saveArticleFile(ArticleFileRecord(name: "a.txt", size: 3, modifiedNanoseconds: 4, entryID: "x", error: nil))
            try tx.saveArticleFile(ArticleFileRecord(name: "b.txt", size: 0, modifiedNanoseconds: 4, entryID: nil, error: "empty"))
        }
        let files = try store.read { Dictionary(uniqueKeysWithValues: try $0.articleFileList().map { ($0.name, $0) }) }
        #expect(files["a.txt"]?.size == 3)
        #expect(files["b.txt"]?.error == "empty")
        #expect(try store.read { try $0.articleFileCount(entryID: "x") } == 1)
        try store.write { try $0.deleteArticleFile(name: "a.txt") }
        #expect(try store.read { try $0.articleFileCount(entryID: "x") } == 0)
    }

    @Test func unwritableStateDirectoryIsAClearError() {
        #expect {
            _ = try StateStore(directory: "/proc/feedd-cannot-create")
        } throws: { error in
            "\(error)".contains("/proc/feedd-cannot-create")
        }
    }

    @Test func aPendingBodyIsKeptAsWrittenAndReplacedOnlyWhileTheEntryIsUnchanged() throws {
        let dir = TemporaryDirectory()
        let store = try StateStore(directory: dir.file("state"))
        var bare = entry("https://example.org/p", published: 1_700_000_000)
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
}
