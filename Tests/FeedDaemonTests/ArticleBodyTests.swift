import FeedCore
@testable import FeedDaemon
import FeedIO
import FeeddTestSupport
import Foundation
import Logging
import Testing

/// The store keeps an article's text only while an output publishes it: the publish reads it from the file
/// when the article comes into an output, and lets it go when it leaves; the outputs are the same as if
/// every text were kept.
@Suite struct ArticleBodyTests {
    static func article(_ i: Int) -> String {
        """
        Titre \(i)

        Topline

        Paragraphe numéro \(i) : la bibliothèque ouvre le dimanche, à l'essai pendant six mois, pour les étudiants.

        Source : https://example.org/2026/\(i)/
        """
    }

    static func name(_ i: Int) -> String { String(format: "%03d_%016x.txt", i, i) }

    func publisher(_ s: ArticleIngestTests.Setup) -> Publisher {
        Publisher(configuration: s.configuration, store: s.store, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    /// Seeds 30 articles, one per second of ingest time, so the newest is the last file.
    func seeded(_ s: inout ArticleIngestTests.Setup) async throws {
        s.configuration.feed.maxEntries = 10
        for i in 0..<30 {
            s.seed(Self.name(i), Self.article(i))
            _ = try await s.ingest(at: 1_000 + Double(i))
        }
    }

    @Test func onlyPublishedArticlesKeepTheirTextAndOthersComeBackFromTheirFiles() async throws {
        var s = try ArticleIngestTests.Setup()
        try await seeded(&s)
        // No text is stored as the files are read: the publish reads those it shows.
        let before = try s.store.read { try $0.visibleStoredEntries(limit: 100, notBefore: nil) }
        #expect(before.count == 30 && before.allSatisfy { $0.entry.contentHTML == nil && $0.bodyDropped })
        #expect(try s.store.read { try $0.articleIDsWithBodies() }.isEmpty)
        // What the texts are, as the ingest's parser makes them.
        let parser = ArticleParser(defaultLanguage: s.configuration.feed.language)
        var texts: [String: Article] = [:]
        for (i, stored) in before.enumerated() {
            let bytes = Array(Self.article(29 - i).utf8)
            texts[stored.entry.id] = try parser.parse(bytes, fileName: Self.name(29 - i))
        }

        _ = try publisher(s).publish(now: Date(timeIntervalSince1970: 2_000))
        let kept = try s.store.read { try $0.articleIDsWithBodies() }
        #expect(kept.count == 10)
        let after = try s.store.read { try $0.visibleStoredEntries(limit: 100, notBefore: nil) }
        #expect(after.prefix(10).allSatisfy { !$0.bodyDropped && $0.entry.contentHTML == texts[$0.entry.id]?.contentHTML })
        #expect(after.dropFirst(10).allSatisfy { $0.bodyDropped && $0.entry.contentHTML == nil && $0.entry.summary == nil })

        // The five newest files go: five older articles come into the feed, their text read again.
        for i in 25..<30 { try FileManager.default.removeItem(atPath: s.dir.file("seeds/" + Self.name(i))) }
        _ = try await s.ingest(at: 3_000)
        let report = try publisher(s).publish(now: Date(timeIntervalSince1970: 3_000))
        #expect(report.written.contains("atom.xml"))
        let published = try publisher(s).entries(now: Date(timeIntervalSince1970: 3_000))
        #expect(published.map(\.title) == (15..<25).reversed().map { "Titre \($0)" })
        for entry in published {
            #expect(entry.contentHTML == texts[entry.id]?.contentHTML && entry.summary == texts[entry.id]?.summary, "\(entry.title)")
        }
        // What was read again is kept again; the retracted five keep nothing they no longer need.
        #expect(Set(try s.store.read { try $0.articleIDsWithBodies() }) == Set(published.map(\.id)))
        let atom = try String(contentsOfFile: s.dir.file("feeds/atom.xml"), encoding: .utf8)
        #expect(atom.contains("Paragraphe numéro 15"))
    }

    @Test func keepPolicyAndTextFiltersKeepEveryText() async throws {
        var keep = try ArticleIngestTests.Setup(onDelete: .keep)
        try await seeded(&keep)
        #expect(try keep.store.read { try $0.articleIDsWithBodies() }.count == 30, "stored as read")
        _ = try publisher(keep).publish(now: Date(timeIntervalSince1970: 2_000))
        #expect(try keep.store.read { try $0.articleIDsWithBodies() }.count == 30)

        var filtered = try ArticleIngestTests.Setup()
        var output = OutputSettings(name: "dimanche")
        output.include = ["dimanche"]
        filtered.configuration.outputs = [output]
        try await seeded(&filtered)
        _ = try publisher(filtered).publish(now: Date(timeIntervalSince1970: 2_000))
        #expect(try filtered.store.read { try $0.articleIDsWithBodies() }.count == 30)
    }

    @Test func switchingToTheKeepPolicyStoresTheTextsLetGoBeforeSoADeletionLosesNone() async throws {
        var s = try ArticleIngestTests.Setup()
        try await seeded(&s)
        _ = try publisher(s).publish(now: Date(timeIntervalSince1970: 2_000))
        #expect(try s.store.read { try $0.articleIDsWithBodies() }.count == 10)
        s.configuration.articles.onDelete = .keep
        _ = try await s.ingest(at: 3_000)
        #expect(try s.store.read { try $0.articleIDsWithBodies() }.count == 30, "every text stored once kept")
        // A file deleted now keeps its entry, text and all, though no file holds it any more.
        try FileManager.default.removeItem(atPath: s.dir.file("seeds/" + Self.name(3)))
        _ = try await s.ingest(at: 4_000)
        let kept = try s.store.read { try $0.visibleStoredEntries(limit: 100, notBefore: nil) }.first { $0.entry.title == "Titre 3" }
        #expect(kept?.entry.contentHTML?.contains("Paragraphe numéro 3") == true)
        // A later pass with nothing changed reads nothing again.
        let quiet = try await s.ingest(at: 5_000)
        #expect(quiet.unchanged == 29 && quiet.added == 0 && quiet.updated == 0)
    }

    @Test func aFileChangedBehindTheStoreIsPublishedWithoutStaleText() async throws {
        var s = try ArticleIngestTests.Setup()
        try await seeded(&s)
        _ = try publisher(s).publish(now: Date(timeIntervalSince1970: 2_000))
        // Article 19's text was let go; its file is rewritten with the same size and time, so no scan sees it.
        let path = s.dir.file("seeds/" + Self.name(19))
        let status = try #require(FileStatus(path))
        let edited = Self.article(19).replacingOccurrences(of: "bibliothèque", with: "médiathèque")
        #expect(edited.utf8.count == status.size)
        s.seed(Self.name(19), edited)
        var times = [timespec(tv_sec: Int(status.modifiedSeconds), tv_nsec: Int(status.modifiedNanoseconds)), timespec(tv_sec: Int(status.modifiedSeconds), tv_nsec: Int(status.modifiedNanoseconds))]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        for i in 20..<30 { try FileManager.default.removeItem(atPath: s.dir.file("seeds/" + Self.name(i))) }
        _ = try await s.ingest(at: 3_000)
        let published = try publisher(s).entries(now: Date(timeIntervalSince1970: 3_000))
        let nineteen = try #require(published.first { $0.title == "Titre 19" })
        // Not the new text under the old hash, and not a crash: the title and link stand until the next change.
        #expect(nineteen.contentHTML == nil)
        #expect(published.first { $0.title == "Titre 18" }?.contentHTML?.contains("bibliothèque") == true)
    }
}
