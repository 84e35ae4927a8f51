import ArgumentParser
import FeedCore
import FeedDaemon
import FeedIO
import Foundation

/// `feedd import FILE.opml`: adds an OPML list's feeds to the configured subscriptions file.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the feeds of an OPML file to the subscriptions file named by polling.subscriptions."
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("The OPML file to import.", valueName: "file.opml"))
    var file: String

    func run() async throws {
        let configuration = try options.configurationOrExit()
        let target = try Self.subscriptionsFile(configuration, for: "import")
        do {
            let result = try SubscriptionImport.run(importing: file, into: target, feed: configuration.feedDescription)
            print("imported \(result.added) feed(s) into \(target) (\(result.alreadyPresent) already there, \(result.total) in all)")
        } catch {
            throw CommandFailure.exit(error)
        }
    }

    /// The file `import` and `add` write to, or exit status 78 when the configuration names none.
    static func subscriptionsFile(_ configuration: Configuration, for command: String) throws -> String {
        guard let target = configuration.polling.subscriptions else {
            throw CommandFailure.exit(ConfigurationError(
                file: configuration.file ?? "the configuration", key: "polling.subscriptions",
                message: "not set; name the OPML file that \(command) should add to, e.g. subscriptions = \"subscriptions.opml\""
            ))
        }
        return target
    }
}
