import FeedCore
import FeedIO
import FeedXML
import FeeddTestSupport
import Foundation
import Testing

/// The real `feedd --once` binary on a temporary directory.
@Suite(.serialized) struct OnceEndToEndTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let schema = packageRoot + "/Tests/Fixtures/schemas/atom.rng"

    /// A workspace with a config, a seeds directory and room for output and state.
    struct Workspace {
        let dir = TemporaryDirectory()
        var seeds: String { dir.file("seeds") }
        var output: String { dir.file("public") }

        init(config: String = Workspace.config) {
            try! FileManager.default.createDirectory(atPath: dir.file("seeds"), withIntermediateDirectories: true)
            try! FileManager.default.createDirectory(atPath: dir.file("etc"), withIntermediateDirectories: true)
            dir.write("etc/feedd.toml", config)
        }

        static let config = """
            [feed]
            title = "Test feed"
            tag_authority = "test.example,2026"
            base_url = "https://feeds.test.example/"
            site_url = "https://test.example/"
            language = "en"
            [paths]
            seeds = "../seeds"
            output = "../public"
            state = "../state"
            """

        func seed(_ name: String, _ text: String) { dir.write("seeds/" + name, text) }

        func once(_ extra: [String] = []) throws -> FeeddProcess.Result {
            try FeeddProcess.run(["--once", "--config", dir.file("etc/feedd.toml")] + extra, in: dir.path)
        }

        func bytes(_ name: String) throws -> [UInt8] {
            Array(try Data(contentsOf: URL(fileURLWithPath: output + "/" + name)))
        }

        func atom() throws -> (root: String, entries: [ReadBackEntry]) {
            try FeedReadBack.atom(try bytes("atom.xml"))
        }

        func modificationDate(_ name: String) throws -> Date? {
            try FileManager.default.attributesOfItem(atPath: output + "/" + name)[.modificationDate] as? Date
        }
    }

    static let french = """
        Le port de Brest inaugure un quai pour les navires à hydrogène

        Topline

        Le port de Brest a ouvert mardi un quai réservé aux navires propulsés à l'hydrogène, une première sur la façade atlantique.

        Faits marquants

        Les travaux ont duré dix-huit mois et coûté 42 millions XNUMX d'euros, selon la région.

        Source : https://example.org/2026/03/14/brest-hydrogene/
        """

    static let english = """
        Town council votes to keep the night buses running

        Key Facts

        The council voted on Monday to fund the night bus routes for another two years after a public campaign.

        Source: https://example.com/news/2026/04/02/night-buses
        """

    @Test func firstRunPublishesValidFeedsAndSkipsBadFilesByName() throws {
        let ws = Workspace()
        ws.seed("000_6d787e27e3e67534.txt", Self.french)
        ws.seed("001_aaaaaaaaaaaaaaaa.txt", Self.english)
        ws.seed("002_bbbbbbbbbbbbbbbb.txt", "")
        ws.seed("003_cccccccccccccccc.txt", "Only a title\n")
        ws.seed(".hidden.txt", Self.english)
        ws.seed("004_dddddddddddddddd.txt.tmp", Self.english)

        let result = try ws.once()

        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("002_bbbbbbbbbbbbbbbb.txt: skipped"))
        #expect(result.stderr.contains("003_cccccccccccccccc.txt: skipped"))
        #expect(!result.stderr.contains(".hidden.txt"))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: ws.output))
                == ["atom.xml", "rss.xml", "feed.json", "feeds.opml", "index.html", "feed.xsl"])

        let atom = try ws.bytes("atom.xml")
        #expect(RelaxNGValidator.validate(atom, schemaPath: Self.schema) == [])
        let feed = try ws.atom()
        #expect(feed.root == "feed")
        #expect(feed.entries.count == 2)
        let ids = Set(feed.entries.map(\.id))
        #expect(ids == ["tag:test.example,2026:6d787e27e3e67534", "tag:test.example,2026:aaaaaaaaaaaaaaaa"])
        let brest = try #require(feed.entries.first { $0.id.hasSuffix("6d787e27e3e67534") })
        let atomText = String(decoding: atom, as: UTF8.self)
        #expect(brest.link == "https://example.org/2026/03/14/brest-hydrogene/", "\(atomText)")
        #expect(brest.content?.contains("<h2>Topline</h2>") == true)
        #expect(brest.content?.contains("XNUMX") == false)
        #expect(brest.language == "fr")

        let rss = try FeedReadBack.rss(try ws.bytes("rss.xml"))
        #expect(rss.root == "rss")
        #expect(Set(rss.entries.map(\.id)) == ids)
        let json = try JSONSerialization.jsonObject(with: Data(try ws.bytes("feed.json"))) as? [String: Any]
        #expect((json?["items"] as? [Any])?.count == 2)
        let opml = String(decoding: try ws.bytes("feeds.opml"), as: UTF8.self)
        #expect(opml.contains("xmlUrl=\"https://feeds.test.example/atom.xml\""))
    }

    @Test func rerunOverUnchangedSeedsWritesNothing() throws {
        let ws = Workspace()
        ws.seed("000_6d787e27e3e67534.txt", Self.french)
        ws.seed("001_aaaaaaaaaaaaaaaa.txt", Self.english)
        #expect(try ws.once().status == 0)
        let before = try OutputFiles().all.map { (try ws.bytes($0), try ws.modificationDate($0)) }
        Thread.sleep(forTimeInterval: 1.1)

        let again = try ws.once()

        #expect(again.status == 0)
        #expect(again.stderr.contains("no output changed"))
        #expect(again.stderr.contains("2 unchanged"))
        let after = try OutputFiles().all.map { (try ws.bytes($0), try ws.modificationDate($0)) }
        for (b, a) in zip(before, after) {
            #expect(b.0 == a.0)
            #expect(b.1 == a.1)
        }
    }

    @Test func renameKeepsIdAndDatesAndEditMovesOnlyUpdated() throws {
        let ws = Workspace()
        ws.seed("000_6d787e27e3e67534.txt", Self.french)
        #expect(try ws.once().status == 0)
        let first = try #require(try ws.atom().entries.first)
        Thread.sleep(forTimeInterval: 1.1)

        try FileManager.default.moveItem(atPath: ws.seeds + "/000_6d787e27e3e67534.txt",
                                         toPath: ws.seeds + "/001_6d787e27e3e67534.txt")
        #expect(try ws.once().status == 0)
        let renamed = try #require(try ws.atom().entries.first)
        #expect(try ws.atom().entries.count == 1)
        #expect(renamed.id == first.id)
        #expect(renamed.published == first.published)
        #expect(renamed.updated == first.updated)

        Thread.sleep(forTimeInterval: 1.1)
        ws.seed("001_6d787e27e3e67534.txt", Self.french.replacingOccurrences(of: "mardi", with: "mercredi"))
        #expect(try ws.once().status == 0)
        let edited = try #require(try ws.atom().entries.first)
        #expect(edited.id == first.id)
        #expect(edited.published == first.published)
        #expect(try #require(edited.updated) > (try #require(first.updated)))
    }

    @Test func deletedArticleIsRetracted() throws {
        let ws = Workspace()
        ws.seed("000_6d787e27e3e67534.txt", Self.french)
        ws.seed("001_aaaaaaaaaaaaaaaa.txt", Self.english)
        #expect(try ws.once().status == 0)
        try FileManager.default.removeItem(atPath: ws.seeds + "/001_aaaaaaaaaaaaaaaa.txt")
        let result = try ws.once()
        #expect(result.status == 0)
        #expect(try ws.atom().entries.map(\.id) == ["tag:test.example,2026:6d787e27e3e67534"])
    }

    @Test func badConfigurationExits78AndWritesNothing() throws {
        let ws = Workspace(config: "[feed]\nmax_entries = \"many\"\n[paths]\noutput = \"../public\"\nstate = \"../state\"\n")
        ws.seed("000_6d787e27e3e67534.txt", Self.french)
        let result = try ws.once()
        #expect(result.status == 78)
        #expect(result.stderr.contains("feedd.toml: feed.max_entries: expected an integer"))
        #expect(!FileManager.default.fileExists(atPath: ws.output))
        #expect(!FileManager.default.fileExists(atPath: ws.dir.file("state")))
    }

    @Test func lockHeldByAnotherFeeddExits75() throws {
        let ws = Workspace()
        ws.seed("000_6d787e27e3e67534.txt", Self.french)
        try FileManager.default.createDirectory(atPath: ws.dir.file("state"), withIntermediateDirectories: true)
        let lock = try ProcessLock(path: ws.dir.file("state/feedd.lock"), wait: false)
        let result = try ws.once()
        withExtendedLifetime(lock) {}
        #expect(result.status == 75)
        #expect(result.stderr.contains("holds the lock"))
        #expect(!FileManager.default.fileExists(atPath: ws.output))
    }

    @Test func versionHelpAndCheck() throws {
        let ws = Workspace()
        let version = try FeeddProcess.run(["--version"], in: ws.dir.path)
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == FeeddVersion.current)
        let help = try FeeddProcess.run(["--help"], in: ws.dir.path)
        #expect(help.stdout.contains("feedd --once"))
        let check = try FeeddProcess.run(["check", "--config", ws.dir.file("etc/feedd.toml")], in: ws.dir.path)
        #expect(check.status == 0)
        #expect(check.stdout.contains("seeds = \"\(ws.seeds)\""))
        let usage = try FeeddProcess.run(["--once", "--bogus"], in: ws.dir.path)
        #expect(usage.status == 64)
    }

    @Test func bundledDefaultRunFromTheRepository() throws {
        // The README's first command, on a copy of the repository's config and seeds.
        let ws = Workspace()
        try FileManager.default.removeItem(atPath: ws.seeds)
        try FileManager.default.copyItem(atPath: Self.packageRoot + "/seeds", toPath: ws.seeds)
        try FileManager.default.createDirectory(atPath: ws.dir.file("config"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.packageRoot + "/config/feedd.toml", toPath: ws.dir.file("config/feedd.toml"))
        let result = try FeeddProcess.run(["--once"], in: ws.dir.path)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let atom = Array(try Data(contentsOf: URL(fileURLWithPath: ws.dir.file("feeds/atom.xml"))))
        #expect(RelaxNGValidator.validate(atom, schemaPath: Self.schema) == [])
        let seeds = try FileManager.default.contentsOfDirectory(atPath: ws.seeds).filter(ArticleFileName.isCandidate)
        #expect(try FeedReadBack.atom(atom).entries.count == seeds.count)
    }
}
