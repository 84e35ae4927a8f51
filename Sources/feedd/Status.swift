import ArgumentParser
import FeedDaemon
import FeedIO
import Foundation

/// `feedd status`: each source's health and schedule, read from the store (safe while the daemon runs); the
/// exit status says whether a source is failing, for monitoring.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print each source: URL, last fetch and HTTP status, validators, next poll, failures, entries, last error.",
        discussion: """
            Also the articles (entries, files, the last pass that took in a
            change, rejected files with their reasons) and the sources the
            store knows that the configuration does not name.

            --json prints one JSON object instead, its shape in the README:
            "healthy", "store", "articles" and "sources", each source with a
            "state" of ok, failing, never_fetched, disabled or gone.

            Exit status: 0 when no enabled source is failing (a source never
            fetched yet is not, nor is a missing store: feedd has not run);
            2 when an enabled source's last fetch failed or it is gone (410).
            Rejected article files are reported, never a failure. 74 when the
            store cannot be read, 78 for a configuration error.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The OPML file of further sources that feedd runs with (its --subscriptions).", valueName: "file.opml"))
    var subscriptions: String?

    @Flag(name: .long, help: "Print one JSON object (the shape is in the README) instead of text.")
    var json = false

    func run() async throws {
        let configuration = try options.configurationOrExit()
        let extra = subscriptions.map { FilePath.resolve($0, against: FileManager.default.currentDirectoryPath) }
        let sources = try GlobalOptions.orExit { () throws(ConfigurationError) in
            try SourceList.resolve(configuration, extraSubscriptions: extra)
        }
        let storePath = configuration.store.postgres?.description ?? FilePath.join(configuration.paths.state, StateStore.fileName)
        let snapshot: StatusSnapshot
        do {
            // Opening creates a SQLite store where none is: only an existing one is opened. A PostgreSQL
            // store is always opened (its database exists; an empty one gets its tables).
            let exists = configuration.store.postgres != nil || FileManager.default.fileExists(atPath: storePath)
            let store = exists ? try StateStore(configuration.store.choice, directory: configuration.paths.state) : nil
            snapshot = try StatusSnapshot.read(
                sources: sources, seeds: configuration.paths.seeds, store: store, storePath: storePath, now: Date()
            )
        } catch {
            throw CommandFailure.exit(error)
        }
        print(json ? StatusReport.json(snapshot) : StatusReport.text(snapshot), terminator: "")
        if !snapshot.healthy { throw CommandFailure.exit(.sourceFailing) }
    }
}
