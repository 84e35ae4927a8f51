import FeedCore
import FeedDaemon
import FeedIO
import FeeddTestSupport
import Foundation
import class GRDB.DatabaseQueue
import Logging
import Testing

@Suite struct ArticleIngestTests {
    struct Setup {
        let dir = TemporaryDirectory()
        var configuration: Configuration
        let store: StateStore

        init(onDelete: DeletePolicy = .retract) throws {
            try FileManager.default.createDirectory(atPath: dir.file("seeds"), withIntermediateDirectories: true)
            configuration = Configuration.defaults(baseDirectory: dir.path)
            configuration.feed.tagAuthority = "test.example,2026"
            configuration.articles.onDelete = onDelete
            configuration.articles.maxFileSize = 4_096
            store = try StateStore(directory: configuration.paths.state)
        }

        func seed(_ name: String, _ bytes: [UInt8]) {
            _ = FileManager.default.createFile(atPath: dir.file("seeds/" + name), contents: Data(bytes))
        }

        func seed(_ name: String, _ text: String) { seed(name, Array(text.utf8)) }

        func ingest(at seconds: TimeInterval) async throws -> IngestReport {
            let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
            return try await ArticleIngest(configuration: configuration, store: store, logger: logger)
                .run(now: Date(timeIntervalSince1970: seconds))
        }

        func visible() throws -> [Entry] {
            try store.read { try $0.visibleStoredEntries(limit: 10_000, notBefore: nil) }.map(\.entry)
        }
    }

    static let article = """
        Un titre

        Topline

        La mairie a annoncé mardi que le marché couvert sera rénové dans les deux ans, après une longue \
        consultation des habitants et des commerçants du quartier, qui demandaient des travaux depuis 2019.

        Source : https://example.org/2024/01/02/a/
        """

    @Test func oddFilesAreSkippedAndTheRestPublished() async throws {
        let s = try Setup()
        s.seed("000_1111111111111111.txt", Self.article)
        s.seed("001_2222222222222222.txt", "")
        s.seed("002_3333333333333333.txt", "Just a title\r\n")
        s.seed("003_4444444444444444.txt", String(repeating: "x", count: 5_000))
        // Latin-1 bytes of the same article (not valid UTF-8).
        s.seed("004_5555555555555555.txt", Self.article.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        s.seed("notes.txt~", Self.article)
        s.seed(".hidden", Self.article)

        let report = try await s.ingest(at: 1_000)

        #expect(report.scanned == 5)
        #expect(report.added == 2)
        #expect(report.rejected == 3)
        let entries = try s.visible()
        #expect(Set(entries.map(\.id)) == ["tag:test.example,2026:1111111111111111", "tag:test.example,2026:5555555555555555"])
        #expect(entries.map(\.title) == ["Un titre", "Un titre"])
        #expect(entries.map(\.language) == ["fr", "fr"])
        // The texts as published (the store keeps only those an output shows, read from the files).
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let published = try Publisher(configuration: s.configuration, store: s.store, logger: logger).entries(now: Date(timeIntervalSince1970: 1_000))
        #expect(published.count == 2)
        #expect(published[0].contentHTML == published[1].contentHTML)
        #expect(published[0].contentHTML?.contains("<h2>Topline</h2>") == true)
        let files = try s.store.read { Dictionary(uniqueKeysWithValues: try $0.articleFileList().map { ($0.name, $0) }) }
        #expect(files["003_4444444444444444.txt"]?.error?.contains("over the 4096-byte cap") == true)
        #expect(files["001_2222222222222222.txt"]?.error != nil)
    }

    @Test func aFirstImportIsSpreadOverTheSecondsUpToNowInNameOrder() async throws {
        let s = try Setup()
        for n in 0..<5 { s.seed(String(format: "%03d_%016d.txt", n, n), Self.article.replacingOccurrences(of: "Un titre", with: "Titre \(n)")) }
        _ = try await s.ingest(at: 1_000.5)
        let visible = try s.visible()
        #expect(visible.map(\.title) == (0..<5).reversed().map { "Titre \($0)" })
        #expect(visible.map(\.updated) == (996...1_000).reversed().map { Date(timeIntervalSince1970: TimeInterval($0)) })
    }

    /// Articles dropped in faster than one a second, each seen by a pass of its own (the daemon): the newest
    /// is always the newest entry, so it is published however many came before it in that burst.
    @Test func articlesArrivingFasterThanOneASecondStayNewestFirst() async throws {
        var s = try Setup()
        s.configuration.feed.maxEntries = 100
        for n in 0..<150 {
            s.seed(String(format: "%03d_%016d.txt", n, n), Self.article.replacingOccurrences(of: "Un titre", with: "Titre \(n)"))
            _ = try await s.ingest(at: 1_000 + Double(n) / 3)
        }
        let visible = try s.visible()
        #expect(visible.map(\.title) == (0..<150).reversed().map { "Titre \($0)" })
        #expect(Set(visible.map(\.updated)).count == 150)
        // The burst ran ahead of the clock by no more than its size; a later arrival is dated by the clock again.
        #expect(visible[0].updated <= Date(timeIntervalSince1970: 1_000 + 150))
        s.seed("150_0000000000000150.txt", Self.article.replacingOccurrences(of: "Un titre", with: "Later"))
        _ = try await s.ingest(at: 5_000)
        let later = try #require(try s.visible().first)
        #expect(later.title == "Later" && later.updated == Date(timeIntervalSince1970: 5_000))
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let published = try Publisher(configuration: s.configuration, store: s.store, logger: logger).entries(now: Date(timeIntervalSince1970: 5_000))
        #expect(published.prefix(2).map(\.title) == ["Later", "Titre 149"])
    }

    @Test func unchangedSizeAndMtimeAreNotReadAgain() async throws {
        let s = try Setup()
        s.seed("000_1111111111111111.txt", Self.article)
        let path = s.dir.file("seeds/000_1111111111111111.txt")
        let mtime = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: mtime], ofItemAtPath: path)
        _ = try await s.ingest(at: 1_000)
        // Same size, same mtime, different bytes: a pass that read the file would see a new title.
        s.seed("000_1111111111111111.txt", "X" + Self.article.dropFirst())
        try FileManager.default.setAttributes([.modificationDate: mtime], ofItemAtPath: path)

        let report = try await s.ingest(at: 2_000)

        #expect(report.unchanged == 1)
        #expect(report.added + report.updated == 0)
        #expect(try s.visible().map(\.title) == ["Un titre"])
    }

    @Test func nonASCIIAndMixedCaseNamesStayUnchangedOnTheNextPass() async throws {
        let s = try Setup()
        for name in ["Zèbre.txt", "été.txt", "ete.txt", "a.txt", "B.md", "ünïcode_1111111111111111.txt"] {
            s.seed(name, Self.article.replacingOccurrences(of: "Un titre", with: "Titre \(name)"))
        }
        #expect(try await s.ingest(at: 1_000).added == 6)
        try FileManager.default.removeItem(atPath: s.dir.file("seeds/ete.txt"))
        let second = try await s.ingest(at: 2_000)
        #expect(second.unchanged == 5)
        #expect(second.added + second.updated == 0)
        #expect(second.retracted == 1)
    }

    @Test func contentChangeMovesUpdatedButNotPublished() async throws {
        let s = try Setup()
        s.seed("000_1111111111111111.txt", Self.article)
        _ = try await s.ingest(at: 1_000)
        s.seed("000_1111111111111111.txt", Self.article.replacingOccurrences(of: "Un titre", with: "Un autre titre"))
        let report = try await s.ingest(at: 2_000)
        #expect(report.updated == 1)
        let entry = try #require(try s.visible().first)
        #expect(entry.title == "Un autre titre")
        #expect(entry.published == Date(timeIntervalSince1970: 1_000))
        #expect(entry.updated == Date(timeIntervalSince1970: 2_000))
    }

    @Test func touchingWithoutChangeKeepsUpdated() async throws {
        let s = try Setup()
        s.seed("000_1111111111111111.txt", Self.article)
        _ = try await s.ingest(at: 1_000)
        s.seed("000_1111111111111111.txt", Self.article.replacingOccurrences(of: "\n", with: "\r\n"))
        let report = try await s.ingest(at: 2_000)
        #expect(report.updated == 0)
        #expect(try s.visible().first?.updated == Date(timeIntervalSince1970: 1_000))
    }

    @Test func deletedThenRestoredKeepsItsPublishedDate() async throws {
        let s = try Setup()
        s.seed("000_1111111111111111.txt", Self.article)
        // A second file, so the directory is not found empty (see the articles.allow_empty tests).
        s.seed("001_2222222222222222.txt", Self.article.replacingOccurrences(of: "Un titre", with: "Autre titre"))
        _ = try await s.ingest(at: 1_000)
        try FileManager.default.removeItem(atPath: s.dir.file("seeds/000_1111111111111111.txt"))
        #expect(try await s.ingest(at: 2_000).retracted == 1)
        #expect(try s.visible().map(\.title) == ["Autre titre"])
        s.seed("000_1111111111111111.txt", Self.article)
        #expect(try await s.ingest(at: 3_000).added == 1)
        // The two first seen in one pass hold two seconds; the restored one comes back with its own.
        #expect(try s.visible().map(\.published) == [Date(timeIntervalSince1970: 1_000), Date(timeIntervalSince1970: 999)])
    }

    @Test func keepPolicyGoesOnPublishingDeletedArticles() async throws {
        let s = try Setup(onDelete: .keep)
        s.seed("000_1111111111111111.txt", Self.article)
        _ = try await s.ingest(at: 1_000)
        try FileManager.default.removeItem(atPath: s.dir.file("seeds/000_1111111111111111.txt"))
        #expect(try await s.ingest(at: 2_000).retracted == 0)
        #expect(try s.visible().count == 1)
    }

    @Test func missingSeedsDirectoryKeepsEverything() async throws {
        var s = try Setup()
        s.seed("000_1111111111111111.txt", Self.article)
        _ = try await s.ingest(at: 1_000)
        s.configuration.paths.seeds = s.dir.file("not-mounted")
        let report = try await s.ingest(at: 2_000)
        #expect(report.scanFailed)
        #expect(try s.visible().count == 1)
    }

    @Test func anEmptiedDirectoryFailsOnlyWhenItWouldRetractArticles() async throws {
        // Only files that gave no entry were on record: nothing to retract, nothing to fail.
        let rejectedOnly = try Setup()
        rejectedOnly.seed("000_1111111111111111.txt", "")
        _ = try await rejectedOnly.ingest(at: 1_000)
        try FileManager.default.removeItem(atPath: rejectedOnly.dir.file("seeds/000_1111111111111111.txt"))
        #expect(try await !rejectedOnly.ingest(at: 2_000).scanFailed)

        // Under `keep`, emptying the directory retracts nothing either.
        let keep = try Setup(onDelete: .keep)
        keep.seed("000_1111111111111111.txt", Self.article)
        _ = try await keep.ingest(at: 1_000)
        try FileManager.default.removeItem(atPath: keep.dir.file("seeds/000_1111111111111111.txt"))
        #expect(try await !keep.ingest(at: 2_000).scanFailed)
        #expect(try keep.visible().count == 1)

        // Under `retract`, a directory found empty where an article was is taken for an unmounted share.
        let retract = try Setup()
        retract.seed("000_1111111111111111.txt", Self.article)
        _ = try await retract.ingest(at: 1_000)
        try FileManager.default.removeItem(atPath: retract.dir.file("seeds/000_1111111111111111.txt"))
        #expect(try await retract.ingest(at: 2_000).scanFailed)
        #expect(try retract.visible().count == 1)
    }

    @Test func manyFilesAcrossBatchesAreAllIngested() async throws {
        let s = try Setup()
        for i in 0..<1_100 {
            s.seed(String(format: "%04d_%016x.txt", i, i), Self.article.replacingOccurrences(of: "Un titre", with: "Titre \(i)"))
        }
        let report = try await s.ingest(at: 1_000)
        #expect(report.added == 1_100)
        let entries = try s.visible()
        #expect(entries.count == 1_100)
        // One second apart in file-name order, the last name at the pass's time: newest file name first.
        #expect(entries.first?.title == "Titre 1099")
        #expect(entries.last?.title == "Titre 0")
        #expect(entries.map(\.published) == (0..<1_100).map { Date(timeIntervalSince1970: TimeInterval(1_000 - $0)) })
        #expect(entries.allSatisfy { $0.updated == $0.published })
    }

    @Test func articlesOfOnePassGetDistinctInstantsThatLaterPassesAvoid() async throws {
        let s = try Setup()
        for i in 0..<5 { s.seed(String(format: "%03d_%016x.txt", i, i), Self.article.replacingOccurrences(of: "Un titre", with: "A\(i)")) }
        _ = try await s.ingest(at: 1_000)
        // Two seconds later: two new articles and one changed; none may take a second already held.
        for i in 5..<7 { s.seed(String(format: "%03d_%016x.txt", i, i), Self.article.replacingOccurrences(of: "Un titre", with: "A\(i)")) }
        s.seed("002_0000000000000002.txt", Self.article.replacingOccurrences(of: "Un titre", with: "A2 changed"))
        let report = try await s.ingest(at: 1_002)
        #expect(report.added == 2 && report.updated == 1)
        let entries = try s.visible()
        #expect(entries.count == 7)
        #expect(Set(entries.map(\.updated)).count == 7)
        let byTitle = Dictionary(uniqueKeysWithValues: entries.map { ($0.title, $0) })
        func at(_ seconds: TimeInterval) -> Date { Date(timeIntervalSince1970: seconds) }
        #expect(byTitle["A0"]?.published == at(996))
        #expect(byTitle["A4"]?.published == at(1_000))
        // The second pass's three come after every article already held (996 to 1,000): the new files first
        // in name order, the edit last, so the edit moves forward. Three in a pass two seconds after the first
        // run one second ahead of the clock; an arrival is never dated before an earlier one.
        #expect(byTitle["A5"]?.published == at(1_001))
        #expect(byTitle["A6"]?.published == at(1_002))
        #expect(byTitle["A2 changed"]?.published == at(998))
        #expect(byTitle["A2 changed"]?.updated == at(1_003))
    }

    /// `feedd status`'s `last_pass`: the time of the last pass that took a change in, recorded with the digest.
    @Test func theLastPassThatTookAChangeInIsRecordedAndAnUnchangedOneWritesNothing() async throws {
        let s = try Setup()
        func lastPass() throws -> Date? { try s.store.read { try $0.metaDate(StateStore.articlesPassKey) } }
        #expect(try lastPass() == nil)
        s.seed("000_1111111111111111.txt", Self.article)
        s.seed("001_2222222222222222.txt", "")
        _ = try await s.ingest(at: 1_000.7)
        #expect(try lastPass() == Date(timeIntervalSince1970: 1_000))
        let unchanged = try await s.ingest(at: 2_000)
        #expect(unchanged.unchanged == 2)
        #expect(try lastPass() == Date(timeIntervalSince1970: 1_000))
        try FileManager.default.removeItem(atPath: s.dir.file("seeds/001_2222222222222222.txt"))
        _ = try await s.ingest(at: 3_000)
        #expect(try lastPass() == Date(timeIntervalSince1970: 3_000))
    }

    func scanDigest(_ s: Setup) throws -> String? {
        try s.store.read { try $0.meta(StateStore.articlesScanKey) }
    }

    @Test func anUnchangedDirectoryIsSettledByItsDigestAndTheStoreStaysByteIdentical() async throws {
        let s = try Setup()
        for i in 0..<3 { s.seed(String(format: "%03d_%016x.txt", i, i), Self.article) }
        s.seed("003_4444444444444444.txt", "")
        _ = try await s.ingest(at: 1_000)
        // Rejected files count too: every row matches its file, so the digest is recorded.
        let digest = try #require(try scanDigest(s))
        #expect(digest.hasPrefix("4:"))
        let database = s.store.path
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        for pass in 0..<2 {
            let report = try await s.ingest(at: 2_000 + Double(pass))
            #expect(report.scanned == 4 && report.unchanged == 4 && report.added + report.updated + report.rejected == 0)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
        #expect(try scanDigest(s) == digest)
    }

    @Test func anEditInPlaceIsSeenThoughTheDirectoryItselfIsUnchanged() async throws {
        let s = try Setup()
        s.seed("000_1111111111111111.txt", Self.article)
        s.seed("001_2222222222222222.txt", Self.article)
        _ = try await s.ingest(at: 1_000)
        let directoryMtime = { try FileManager.default.attributesOfItem(atPath: s.dir.file("seeds"))[.modificationDate] as? Date }
        let before = try directoryMtime()
        // What `cp`, `nano` or a shell redirection do: truncate and rewrite the same inode, no rename.
        let handle = try #require(FileHandle(forWritingAtPath: s.dir.file("seeds/001_2222222222222222.txt")))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(Self.article.replacingOccurrences(of: "Un titre", with: "Titre corrigé").utf8))
        try handle.close()
        #expect(try directoryMtime() == before)

        let report = try await s.ingest(at: 2_000)
        #expect(report.updated == 1 && report.unchanged == 1)
        #expect(Set(try s.visible().map(\.title)) == ["Un titre", "Titre corrigé"])
    }

    @Test func aNewSizeCapReadsEveryFileAgainAsAFirstPassWould() async throws {
        var s = try Setup()
        let big = Self.article + "\n" + String(repeating: "Une phrase de plus pour grossir le fichier. ", count: 100)
        s.seed("000_1111111111111111.txt", Self.article)
        s.seed("001_2222222222222222.txt", big)
        let first = try await s.ingest(at: 1_000)
        #expect(first.added == 1 && first.rejected == 1)

        // The same cap again: nothing is read.
        #expect(try await s.ingest(at: 2_000).unchanged == 2)

        s.configuration.articles.maxFileSize = 16_384
        let raised = try await s.ingest(at: 3_000)
        #expect(raised.added == 1 && raised.unchanged == 0 && raised.rejected == 0)
        #expect(try s.visible().count == 2)
        #expect(try await s.ingest(at: 4_000).unchanged == 2)

        s.configuration.articles.maxFileSize = 256
        let lowered = try await s.ingest(at: 5_000)
        #expect(lowered.rejected == 2 && lowered.retracted == 2)
        #expect(try s.visible().isEmpty)
    }

    @Test func aStoreWithoutARecordOfTheSettingsIsNotReadAgain() async throws {
        let s = try Setup()
        s.seed("000_1111111111111111.txt", Self.article)
        _ = try await s.ingest(at: 1_000)
        // As a store written before the settings were recorded: the rows stand, nothing is read.
        try await DatabaseQueue(path: s.store.path).write { db in
            try db.execute(sql: "DELETE FROM meta WHERE key IN ('articles_settings', 'articles_scan')")
        }
        let report = try await s.ingest(at: 2_000)
        #expect(report.unchanged == 1 && report.added + report.updated == 0)
    }

    @Test func aFileRowChangedBehindThePassDropsTheDigestSoTheNextPassComparesAgain() async throws {
        let s = try Setup()
        s.seed("000_1111111111111111.txt", Self.article)
        s.seed("001_2222222222222222.txt", Self.article)
        _ = try await s.ingest(at: 1_000)
        #expect(try scanDigest(s) != nil)
        try s.store.write { try $0.deleteArticleFile(name: "001_2222222222222222.txt") }
        #expect(try scanDigest(s) == nil)

        let report = try await s.ingest(at: 2_000)
        #expect(report.unchanged == 1)
        let names = try s.store.read { try $0.articleFileList().map(\.name) }
        #expect(names == ["000_1111111111111111.txt", "001_2222222222222222.txt"])
        #expect(try scanDigest(s) != nil)
    }
}

@Suite struct PublisherSkipTests {
    @Test func unchangedStoreSkipsRenderingButAChangedOrMissingFileIsRewritten() async throws {
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("seeds"), withIntermediateDirectories: true)
        var configuration = Configuration.defaults(baseDirectory: dir.path)
        configuration.feed.tagAuthority = "test.example,2026"
        let store = try StateStore(directory: configuration.paths.state)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        dir.write("seeds/000_1111111111111111.txt", ArticleIngestTests.article)
        _ = try await ArticleIngest(configuration: configuration, store: store, logger: logger).run(now: Date(timeIntervalSince1970: 1_000))
        let publisher = Publisher(configuration: configuration, store: store, logger: logger)

        #expect(try publisher.publish(now: Date()).written == ["atom.xml", "rss.xml", "feed.json", "feeds.opml", "index.html", "feed.xsl"])
        #expect(try publisher.publish(now: Date()).written.isEmpty)

        try FileManager.default.removeItem(atPath: dir.file("feeds/rss.xml"))
        #expect(try publisher.publish(now: Date()).written == ["rss.xml"])
        try FileManager.default.removeItem(atPath: dir.file("feeds/index.html"))
        #expect(try publisher.publish(now: Date()).written == ["index.html"])

        // The title is in every output but the stylesheet.
        var retitled = configuration
        retitled.feed.title = "A new title"
        let written = try Publisher(configuration: retitled, store: store, logger: logger).publish(now: Date()).written
        #expect(Set(written) == ["atom.xml", "rss.xml", "feed.json", "feeds.opml", "index.html"])

        // A new article: the three feeds and the page (the OPML list names no entry).
        dir.write("seeds/001_2222222222222222.txt", ArticleIngestTests.article.replacingOccurrences(of: "Un titre", with: "Deux"))
        _ = try await ArticleIngest(configuration: retitled, store: store, logger: logger).run(now: Date(timeIntervalSince1970: 2_000))
        #expect(try Publisher(configuration: retitled, store: store, logger: logger).publish(now: Date()).written.count == 4)
    }
}
