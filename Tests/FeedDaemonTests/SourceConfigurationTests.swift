import FeedDaemon
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
