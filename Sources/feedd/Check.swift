import ArgumentParser
import FeedDaemon
import Foundation

/// `feedd check`: validates the configuration and prints the resolved settings; writes nothing.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the configuration and print the resolved settings (writes nothing)."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let configuration = try options.configurationOrExit()
        print(ConfigurationSummary.text(configuration), terminator: "")
    }
}
