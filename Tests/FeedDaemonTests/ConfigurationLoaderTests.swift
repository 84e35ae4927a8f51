import FeedDaemon
import Foundation
import Testing

@Suite struct ConfigurationLoaderTests {
    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    @Test func bundledConfigurationLoadsWithPathsBesideTheRepository() throws {
        let config = try ConfigurationLoader.load(path: Self.packageRoot + "/config/feedd.toml")
        #expect(config.paths.seeds == Self.packageRoot + "/seeds")
        #expect(config.paths.output == Self.packageRoot + "/feeds")
        #expect(config.paths.state == Self.packageRoot + "/.state")
        #expect(config.feed.tagAuthority == "example.org,2026")
        #expect(config.feed.maxEntries == 100)
        #expect(config.feedID == "tag:example.org,2026:feed")
        #expect(config.feedDescription.publicURL(of: "atom.xml") == "https://example.org/feeds/atom.xml")
    }

    @Test func emptyFileGivesTheDefaultsRelativeToTheFile() throws {
        let config = try ConfigurationLoader.parse("", file: "/etc/feedd/feedd.toml", baseDirectory: "/etc/feedd")
        #expect(config.paths.seeds == "/etc/feedd/seeds")
        #expect(config.feed.language == "en")
        #expect(config.articles.maxFileSize == 1 << 20)
        #expect(config.articles.onDelete == .retract)
    }

    @Test func emptySeedsMeansNoneAndAStoreURLIsRead() throws {
        let text = "[paths]\nseeds = \"\"\n[store]\nurl = \"postgresql://feedd@db.example:5433/feeds?sslmode=require\"\npassword_file = \"pw\""
        let config = try ConfigurationLoader.parse(text, file: "/etc/feedd/feedd.toml", baseDirectory: "/etc/feedd")
        #expect(config.paths.seeds == "")
        let location = try #require(config.store.postgres)
        #expect([location.host, location.user, location.database] == ["db.example", "feedd", "feeds"])
        #expect(location.port == 5_433 && location.tls == .require)
        #expect(config.store.choice == .postgres(location, passwordFile: "/etc/feedd/pw"))
        #expect(location.description == "postgresql://feedd@db.example:5433/feeds?sslmode=verify-full")
    }

    @Test(arguments: [
        ("[feed]\nmax_entries = \"ten\"", "f.toml: feed.max_entries: expected an integer from 1 to 100000; found string"),
        ("[feed]\nmax_entries = 0", "f.toml: feed.max_entries: expected an integer from 1 to 100000; found 0"),
        ("[feed]\ntitel = \"x\"", "f.toml: feed.titel: unknown key"),
        ("[feeds]\ntitle = \"x\"", "f.toml: feeds: unknown key"),
        ("feed = 3", "f.toml: feed: expected a table ([feed]); found int"),
        ("[feed]\nbase_url = \"example.org/feeds\"", "f.toml: feed.base_url: expected an absolute http:// or https:// URL"),
        ("[feed]\nwebsub_hubs = [\"https://hub.example/\", \"ftp://hub.example/\"]", "f.toml: feed.websub_hubs: expected absolute http:// or https:// URLs; found \"ftp://hub.example/\""),
        ("[serve]\nlisten = \"8080\"", "f.toml: serve.listen: expected an address and port like \"127.0.0.1:8080\""),
        ("[feed]\ntag_authority = \"example.org\"", "f.toml: feed.tag_authority: expected a domain or email and a date"),
        ("[feed]\nlanguage = \"french\"", "f.toml: feed.language: expected a language tag"),
        ("[feed]\natom_file = \"../atom.xml\"", "f.toml: feed.atom_file: expected a plain file name"),
        ("[feed]\natom_file = \"x.xml\"\nrss_file = \"x.xml\"", "f.toml: feed.atom_file: the output file names must differ"),
        ("[feed]\natom_file = \"index.html\"", "f.toml: feed.atom_file: the output file names must differ (index.html and feed.xsl are taken by the page)"),
        ("[articles]\non_delete = \"purge\"", "f.toml: articles.on_delete: expected \"retract\" or \"keep\"; found \"purge\""),
        // `seeds = ""` is valid: an instance without a seeds directory (ConfigurationLoaderTests.emptySeedsMeansNone).
        ("[paths]\noutput = \"\"", "f.toml: paths.output: expected a non-empty string"),
        ("[feed\ntitle = 1", "f.toml: line 1, column"),
        // Headers on which the TOML library's own parser would abort the process (found by fuzzing).
        ("[feed]\ntitle = \"x\"\n[[\nsource]]\nurl = \"https://example.org/\"", "f.toml: line 3, column 3: a table header must name a table"),
        ("[ =]", "f.toml: line 1, column 3: a table header must name a table"),
        ("[[ .x]]", "f.toml: line 1, column 4: a table header must name a table"),
    ])
    func badConfigurationNamesFileKeyAndExpectation(text: String, expected: String) {
        #expect {
            _ = try ConfigurationLoader.parse(text, file: "f.toml", baseDirectory: "/x")
        } throws: { error in
            "\(error)".hasPrefix(expected)
        }
    }

    @Test func missingFileIsAConfigurationError() {
        #expect {
            _ = try ConfigurationLoader.load(path: "/nonexistent/feedd.toml")
        } throws: { error in
            "\(error)" == "/nonexistent/feedd.toml: cannot be read: No such file or directory"
        }
    }

    @Test func summaryListsResolvedSettings() throws {
        let config = try ConfigurationLoader.parse(
            "[feed]\ntitle = \"Say \\\"hi\\\"\"\nmax_age_days = 30\n[paths]\nstate = \"/var/lib/feedd\"",
            file: "c.toml", baseDirectory: "/srv"
        )
        let text = ConfigurationSummary.text(config)
        #expect(text.contains("title = \"Say \\\"hi\\\"\""))
        #expect(text.contains("max_age_days = 30\n"))
        #expect(text.contains("state = \"/var/lib/feedd\""))
        #expect(text.contains("seeds = \"/srv/seeds\""))
    }
}
