import ArgumentParser
import FeedCore
import FeedIO

/// The `feedd` command: runs a pass (`--once`), checks a configuration, or inspects a feed.
@main
struct Feedd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedd",
        abstract: "A feed producer and aggregator: article files in, Atom, RSS, OPML and JSON Feed out.",
        discussion: """
            Examples:
              feedd                       run the daemon (watch, poll, publish)
              feedd --once                one pass, for cron and systemd timers
              feedd --once --all          one pass polling every source now
              feedd --once --config /etc/feedd/feedd.toml --output /srv/feeds
              feedd check                 validate the configuration
              feedd status                each source's health and schedule
              feedd status --json         the same as one JSON object, for monitoring
              feedd add https://site.example/   find a site's feed and subscribe
              feedd import list.opml      add feeds to polling.subscriptions
              feedd inspect https://example.org/feed.xml --json

            The configuration is --config, else ./config/feedd.toml, else
            /etc/feedd/feedd.toml, else built-in defaults.

            Exit status: 0 success; 2 status: an enabled source is failing or
            gone (410); 64 usage error; 65 input that cannot be parsed
            (inspect, import), or no new feed found (add); 66 the seeds
            directory cannot be read; 69 cannot listen on serve.listen; 74
            I/O error (store, output directory); 75 another feedd holds the
            lock; 78 configuration error. On a usage or configuration error
            nothing is written.
            """,
        version: FeeddVersion.current,
        subcommands: [Run.self, Check.self, Status.self, Add.self, Import.self, Inspect.self],
        defaultSubcommand: Run.self
    )

    /// Sets process-wide memory policy before the runtime starts threads, then parses and runs.
    static func main() async {
        MemoryRelease.limitArenas()
        await main(nil)
    }
}
