import ArgumentParser
import FeedCore
import FeedDaemon
import Foundation

/// `feedd manual PAGE`: prints a manual page rendered from the declarations the program itself uses
/// (ArgumentParser's command tree, the configuration's key list). `make install` and `packaging/build-deb`
/// call it; hidden from help.
struct Manual: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: "Print the manual page feedd.1 or feedd.toml.5 (mdoc).",
        shouldDisplay: false
    )

    enum Page: String, CaseIterable, ExpressibleByArgument {
        case command = "feedd.1"
        case configuration = "feedd.toml.5"
    }

    @Argument(help: "feedd.1 or feedd.toml.5.")
    var page: Page

    @Option(help: ArgumentHelp("The page's date (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var date: String?

    func validate() throws {
        if let date, Mdoc.date(date) == nil {
            throw ValidationError("--date: expected YYYY-MM-DD; found \"\(date)\"")
        }
    }

    func run() throws {
        let day = date ?? ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        let shown = Mdoc.date(day) ?? day
        switch page {
        case .command:
            let dump = try JSONDecoder().decode(HelpDump.self, from: Data(Feedd._dumpHelp().utf8))
            guard dump.serializationVersion == 0 else {
                throw ValidationError("ArgumentParser describes the commands in version \(dump.serializationVersion); this page reads version 0")
            }
            print(CommandManualPage(tool: dump.command, date: shown, version: FeeddVersion.current).render(), terminator: "")
        case .configuration:
            print(ConfigurationManualPage(tables: ConfigurationReference.tables, date: shown, version: FeeddVersion.current).render(), terminator: "")
        }
    }
}
