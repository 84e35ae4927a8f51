import FeedCore
import FeedIO
import FeeddTestSupport
import Foundation
import Testing

/// What only the SQLite store does (its file, its directory); what both engines do is in StoreContractTests.
@Suite struct StateStoreTests {
    @Test func entriesRoundTripThroughTheDatabaseFile() throws {
        let dir = TemporaryDirectory()
        let e = StoreContractTests.entry("tag:example.org,2026:a", published: 1_700_000_000)
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

    @Test func unwritableStateDirectoryIsAClearError() {
        #expect {
            _ = try StateStore(directory: "/proc/feedd-cannot-create")
        } throws: { error in
            "\(error)".contains("/proc/feedd-cannot-create")
        }
    }
}
