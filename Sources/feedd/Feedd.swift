import ArgumentParser
import FeedCore
import FeedIO

/// The `feedd` command: runs a pass (`--once`), checks a configuration, or inspects a feed.
@main
struct Feedd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedd",
        abstract: "A feed producer and aggregator: article files in, Atom, RSS, OPML and JSON Feed out.",
        discussion: FeeddHelp.discussion,
        version: FeeddVersion.current,
        subcommands: [Run.self, Check.self, Status.self, Add.self, Import.self, Inspect.self, StoreCommand.self, Manual.self],
        defaultSubcommand: Run.self
    )

    /// Sets process-wide memory policy before the runtime starts threads, then parses and runs.
    static func main() async {
        MemoryRelease.limitArenas()
        await main(nil)
    }
}
