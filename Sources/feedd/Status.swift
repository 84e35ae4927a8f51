import ArgumentParser
import FeedDaemon
import FeedIO
import Foundation

/// `feedd status`: each source's health and schedule, read from the store (safe while the daemon runs).
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print each source: URL, last fetch and HTTP status, validators, next poll, failures, entries, last error."
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The OPML file of further sources that feedd runs with (its --subscriptions).", valueName: "file.opml"))
    var subscriptions: String?

    func run() async throws {
        let configuration = try options.configurationOrExit()
        let extra = subscriptions.map { FilePath.resolve($0, against: FileManager.default.currentDirectoryPath) }
        let sources = try GlobalOptions.orExit { () throws(ConfigurationError) in
            try SourceList.resolve(configuration, extraSubscriptions: extra)
        }
        let storePath = FilePath.join(configuration.paths.state, StateStore.fileName)
        guard FileManager.default.fileExists(atPath: storePath) else {
            print("no state yet at \(storePath): run `feedd --once` first")
            return
        }
        do {
            let store = try StateStore(directory: configuration.paths.state)
            print(try StatusReport.text(sources: sources, store: store, now: Date()), terminator: "")
        } catch {
            throw CommandFailure.exit(error)
        }
    }
}
