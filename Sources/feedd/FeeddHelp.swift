import FeedIO

/// The root command's help, in parts that `feedd --help` and the manual page `feedd(1)` share.
enum FeeddHelp {
    /// Command lines, each with what it does.
    static let examples: [(command: String, meaning: String)] = [
        ("feedd", "run the daemon (watch, poll, publish)"),
        ("feedd --once", "one pass, for cron and systemd timers"),
        ("feedd --once --all", "one pass polling every source now"),
        ("feedd --once --config /etc/feedd/feedd.toml --output /srv/feeds", "one pass with another configuration and output"),
        ("feedd check", "validate the configuration"),
        ("feedd status", "each source's health and schedule"),
        ("feedd status --json", "the same as one JSON object, for monitoring"),
        ("feedd add https://site.example/", "find a site's feed and subscribe"),
        ("feedd import list.opml", "add feeds to polling.subscriptions"),
        ("feedd inspect https://example.org/feed.xml --json", "what feedd makes of a feed"),
    ]

    /// Where the configuration comes from when `--config` is not given.
    static var configurationSearch: String {
        "The configuration is --config, else "
            + GlobalOptions.searchPath.map { $0.hasPrefix("/") ? $0 : "./" + $0 }.joined(separator: ", else ")
            + ", else built-in defaults."
    }

    /// The sentence after the exit statuses.
    static let nothingWritten = "On a usage or configuration error nothing is written."

    /// `feedd --help`'s discussion: the examples, the configuration search and the exit statuses.
    static var discussion: String {
        let lines = examples.map { example in
            example.command.count < 28
                ? "  " + example.command + String(repeating: " ", count: 28 - example.command.count) + example.meaning
                : "  " + example.command
        }
        let statuses = ExitStatus.all.map { "\($0.rawValue) \($0.meaning)" }.joined(separator: "; ")
        return (["Examples:"] + lines + ["", configurationSearch, "", "Exit status: \(statuses). \(nothingWritten)"])
            .joined(separator: "\n")
    }
}
