import FeedDaemon
import FeedIO
import FeeddTestSupport
import Testing

@Suite struct SourceConfigurationTests {
    @Test func sourcesAndPollingAreRead() throws {
        let text = """
            [polling]
            interval_minutes = 15
            max_concurrent = 4
            user_agent = "feedd-test/1"
            subscriptions = "subs.opml"
            iframe_hosts = ["Player.Vimeo.com"]

            [[source]]
            name = "Local sample"
            url = "../samples/feed.xml"
            include = ["(?i)climat", "vélo"]
            exclude = "sponsored"
            max_entries = 20
            category = "news"

            [[source]]
            url = "https://news.example.com/rss"
            interval_minutes = 120
            enabled = false
            allow_private_redirects = true
            """
        let config = try ConfigurationLoader.parse(text, file: "f.toml", baseDirectory: "/etc/feedd")
        #expect(config.polling.intervalMinutes == 15)
        #expect(config.polling.maxConcurrent == 4)
        #expect(config.polling.maxPerHost == 2)
        #expect(config.polling.userAgent == "feedd-test/1")
        #expect(config.polling.subscriptions == "/etc/feedd/subs.opml")
        #expect(config.polling.iframeHosts == ["player.vimeo.com"])
        #expect(config.sources.count == 2)
        let local = config.sources[0]
        #expect(local.name == "Local sample")
        #expect(local.url == "file:///etc/samples/feed.xml")
        #expect(local.include == ["(?i)climat", "vélo"])
        #expect(local.exclude == ["sponsored"])
        #expect(local.maxEntries == 20)
        #expect(local.enabled)
        let remote = config.sources[1]
        #expect(remote.name == "news.example.com")
        #expect(remote.intervalMinutes == 120)
        #expect(!remote.enabled)
        #expect(remote.allowPrivateRedirects)
    }

    @Test(arguments: [
        ("[[source]]\nname = \"x\"", "f.toml: source[0].url: missing"),
        ("[[source]]\nurl = \"ftp://example.org/feed\"", "f.toml: source[0].url: expected an http://, https:// or file:// URL"),
        ("[[source]]\nurl = \"https://a.example/f\"\ninclude = [\"(unclosed\"]", "f.toml: source[0].include: \"(unclosed\" is not a valid regular expression"),
        ("[[source]]\nurl = \"https://a.example/f\"\nenabled = \"yes\"", "f.toml: source[0].enabled: expected true or false; found string"),
        ("[[source]]\nurl = \"https://a.example/f\"\n[[source]]\nurl = \"https://a.example/f\"", "f.toml: source[1].url: the same feed as source[0]"),
        ("[[source]]\nurl = \"https://a.example/f\"\nintervall = 3", "f.toml: source[0].intervall: unknown key"),
        ("[polling]\nmax_per_host = 0", "f.toml: polling.max_per_host: expected an integer from 1 to 16; found 0"),
        ("source = \"x\"", "f.toml: source: expected an array of tables"),
    ])
    func badSourcesNameTheKey(text: String, expected: String) {
        #expect {
            _ = try ConfigurationLoader.parse(text, file: "f.toml", baseDirectory: "/x")
        } throws: { error in
            "\(error)".hasPrefix(expected)
        }
    }

    @Test(arguments: [
        ("https://example.org/feed.xml", "/etc", "https://example.org/feed.xml"),
        ("samples/a.xml", "/etc/feedd", "file:///etc/feedd/samples/a.xml"),
        ("/srv/a.xml", "/etc", "file:///srv/a.xml"),
        ("file:///srv/./a.xml", "/etc", "file:///srv/a.xml"),
    ])
    func locations(text: String, base: String, expected: String) {
        #expect(SourceLocation.normalize(text, baseDirectory: base) == expected)
    }
}

/// `headers`, `username`/`password_file`, `user_agent` and `http_proxy`: read strictly, shown redacted.
@Suite struct SourceAccessConfigurationTests {
    static func parse(_ text: String, in dir: String = "/nonexistent") throws(ConfigurationError) -> Configuration {
        try ConfigurationLoader.parse(text, file: "f.toml", baseDirectory: dir)
    }

    static func error(_ text: String, in dir: String = "/nonexistent") -> ConfigurationError? {
        do {
            _ = try parse(text, in: dir)
            return nil
        } catch {
            return error
        }
    }

    @Test func accessKeysAreReadAndTheProxyResolves() throws {
        let dir = TemporaryDirectory()
        dir.write("secret.txt", "hunter2\n")
        let config = try Self.parse("""
            [polling]
            http_proxy = "http://proxy.example:3128"
            [[source]]
            url = "https://members.example/feed.xml"
            headers = { "X-Api-Key" = "abc", "Accept-Language" = "fr" }
            username = "reader"
            password_file = "secret.txt"
            user_agent = "members/1"
            [[source]]
            url = "https://direct.example/feed.xml"
            http_proxy = ""
            [[source]]
            url = "https://other.example/feed.xml"
            http_proxy = "http://10.0.0.1:8080"
            [[source]]
            url = "https://plain.example/feed.xml"
            """, in: dir.path)
        let members = config.sources[0]
        #expect(members.access.headers.map(\.name) == ["Accept-Language", "X-Api-Key"])
        #expect(members.access.username == "reader")
        #expect(members.access.passwordFile == dir.file("secret.txt"))
        #expect(members.access.userAgent == "members/1")
        let global = SourceAccess.Proxy(host: "proxy.example", port: 3128)
        #expect(config.polling.httpProxy == global)
        #expect(members.fetchAccess(globalProxy: global).proxy == global)
        #expect(config.sources[1].fetchAccess(globalProxy: global).proxy == nil)
        #expect(config.sources[2].fetchAccess(globalProxy: global).proxy == SourceAccess.Proxy(host: "10.0.0.1", port: 8080))
        #expect(config.sources[3].fetchAccess(globalProxy: global).proxy == global)

        let summary = ConfigurationSummary.text(config)
        #expect(summary.contains("\"X-Api-Key\" = (redacted)"), "\(summary)")
        #expect(!summary.contains("abc") && !summary.contains("hunter2"))
    }

    @Test func badAccessSettingsAreClearErrors() {
        let dir = TemporaryDirectory()
        dir.write("secret.txt", "hunter2\n")
        dir.write("empty.txt", "")
        let cases: [(String, String, String)] = [
            ("headers = { Host = \"x\" }", "source[0].headers", "cannot be set here"),
            ("headers = { \"If-None-Match\" = \"x\" }", "source[0].headers", "cannot be set here"),
            ("headers = { \"Bad Name\" = \"x\" }", "source[0].headers", "cannot be set here"),
            ("headers = { \"X-A\" = \"a\\r\\nInjected: yes\" }", "source[0].headers", "no line break"),
            ("headers = { \"X-A\" = 3 }", "source[0].headers", "must be a string"),
            ("headers = \"X-A: 1\"", "source[0].headers", "expected a table"),
            ("username = \"reader\"", "source[0].password_file", "missing"),
            ("password_file = \"secret.txt\"", "source[0].username", "missing"),
            ("username = \"a:b\"\npassword_file = \"secret.txt\"", "source[0].username", "without \":\""),
            ("username = \"reader\"\npassword_file = \"absent.txt\"", "source[0].password_file", "absent.txt"),
            ("username = \"reader\"\npassword_file = \"empty.txt\"", "source[0].password_file", "first line"),
            ("username = \"reader\"\npassword_file = \"secret.txt\"\nheaders = { Authorization = \"Bearer x\" }", "source[0].headers", "keep one"),
            ("http_proxy = \"proxy.example:3128\"", "source[0].http_proxy", "http://proxy.example:3128"),
            ("user_agent = \"a\\nb\"", "source[0].user_agent", "one line"),
        ]
        for (lines, key, message) in cases {
            let error = Self.error("[[source]]\nurl = \"https://members.example/feed.xml\"\n\(lines)", in: dir.path)
            #expect(error?.key == key, "\(lines): \(String(describing: error))")
            #expect(error?.message.contains(message) == true, "\(lines): \(String(describing: error))")
            #expect(error?.message.contains("hunter2") != true)
        }
        let file = Self.error("[[source]]\nurl = \"feed.xml\"\nuser_agent = \"x\"", in: dir.path)
        #expect(file?.key == "source[0].url" && file?.message.contains("http(s) sources") == true, "\(String(describing: file))")
    }
}

/// `[[output]]` tables: read strictly, each naming a distinct set of files.
@Suite struct OutputConfigurationTests {
    @Test func outputsAreReadWithTheirDefaults() throws {
        let config = try ConfigurationLoader.parse("""
            [feed]
            title = "Town"
            tag_authority = "town.example,2026"
            [[output]]
            name = "local"
            categories = ["Local"]
            languages = "fr"
            """, file: "f.toml", baseDirectory: "/etc/feedd")
        #expect(config.outputs.map(\.name) == ["local"])
        #expect(config.outputs[0].languages == ["fr"])
        let topic = try #require(config.feedDescription.topics.first)
        #expect(topic.title == "Town: local" && topic.id == "tag:town.example,2026:output:local")
        #expect(config.feedDescription.allFiles.suffix(3) == ["local.atom.xml", "local.rss.xml", "local.feed.json"])
        #expect(ConfigurationSummary.text(config).contains("[[output]]  # 0: local.atom.xml, local.rss.xml, local.feed.json"))
    }

    @Test func badOutputsNameTheKey() {
        let cases: [(String, String, String)] = [
            ("[[output]]\ncategories = [\"a\"]", "output[0].name", "missing"),
            ("[[output]]\nname = \"../x\"\ncategories = [\"a\"]", "output[0].name", "letters, digits"),
            ("[[output]]\nname = \"all\"", "output[0].name", "selects every entry"),
            ("[[output]]\nname = \"a\"\ncategories = [\"x\"]\n[[output]]\nname = \"a\"\nlanguages = [\"fr\"]", "output[1].name", "already writes"),
            ("[feed]\natom_file = \"news.atom.xml\"\n[[output]]\nname = \"news\"\nlanguages = [\"fr\"]", "output[0].name", "already writes"),
            ("[[output]]\nname = \"a\"\ncategory = \"x\"", "output[0].category", "unknown key"),
            ("[[output]]\nname = \"a\"\ninclude = [\"(\"]", "output[0].include", "not a valid regular expression"),
        ]
        for (text, key, message) in cases {
            do {
                _ = try ConfigurationLoader.parse(text, file: "f.toml", baseDirectory: "/etc/feedd")
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.key == key, "\(text): \(error)")
                #expect(error.message.contains(message), "\(text): \(error)")
            }
        }
    }
}
