import ArgumentParser
import FeedDaemon
import FeedIO
import Foundation

/// `feedd [--once]`: one pass (the daemon arrives with its own issue).
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Ingest the seeds directory and publish the feeds (the default command)."
    )

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Run one pass and exit (for cron and systemd timers).")
    var once = false

    @Flag(name: .long, help: "With --once: wait for the lock held by another feedd instead of exiting with status 75.")
    var wait = false

    @Flag(name: .long, help: "Poll every source now, not only those that are due.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("An OPML file of further sources to poll and merge.", valueName: "file.opml"))
    var subscriptions: String?

    func run() async throws {
        guard once else {
            throw ValidationError("the long-running daemon is not available in this version; run `feedd --once` (from cron or a systemd timer)")
        }
        let logger = options.makeLogger()
        let configuration: Configuration
        do {
            configuration = try options.loadConfiguration()
        } catch {
            logger.error("configuration: \(error.description)")
            throw ExitCode(78)
        }
        do {
            let extra = subscriptions.map { FilePath.resolve($0, against: FileManager.default.currentDirectoryPath) }
            _ = try await OncePass(
                configuration: configuration, logger: logger, waitForLock: wait, pollAll: all, extraSubscriptions: extra
            ).run(now: Date())
        } catch {
            logger.error("\(error.description)")
            throw ExitCode(error.exitCode)
        }
    }
}
