import ArgumentParser
import FeedCore

/// The `feedd` command: runs a pass (`--once`), checks a configuration, or inspects a feed.
@main
struct Feedd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedd",
        abstract: "A feed producer and aggregator: article files in, Atom, RSS, OPML and JSON Feed out.",
        discussion: """
            Examples:
              feedd --once                          one pass with ./config/feedd.toml (or /etc/feedd/feedd.toml)
              feedd --once --config /etc/feedd/feedd.toml --seeds ~/articles --output /srv/www/feeds
              feedd check                           validate the configuration and print the resolved settings
              feedd inspect seeds/000_6d787e27e3e67534.txt --json

            Exit status: 0 success; 64 usage error; 65 input that cannot be parsed (inspect);
            74 I/O error (state store, output directory); 75 another feedd holds the lock;
            78 configuration error. On a usage or configuration error nothing is written.
            """,
        version: FeeddVersion.current,
        subcommands: [Run.self, Check.self, Status.self, Import.self, Inspect.self],
        defaultSubcommand: Run.self
    )
}
