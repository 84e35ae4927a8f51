import ArgumentParser
import FeedDaemon
import FeedIO
import Foundation
import Logging

/// Options every subcommand shares: where the configuration is, path overrides, logging.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Configuration file (default: ./config/feedd.toml, else /etc/feedd/feedd.toml, else built-in defaults).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Seeds directory holding article files (overrides paths.seeds).", valueName: "dir"))
    var seeds: String?

    @Option(name: .long, help: ArgumentHelp("Output directory for the feeds (overrides paths.output).", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("State directory for the store and the lock (overrides paths.state).", valueName: "dir"))
    var state: String?

    @Option(name: .customLong("log-level"), help: ArgumentHelp(
        "trace, debug, info, notice, warning, error or critical (default: info; warning with --quiet).", valueName: "level"
    ))
    var logLevel: String?

    /// Configuration files tried, in order, when `--config` is not given.
    static let searchPath = ["config/feedd.toml", "/etc/feedd/feedd.toml"]

    func validate() throws {
        if let logLevel, Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical; found \"\(logLevel)\"")
        }
    }

    /// The configuration in force: the file (given or found), then the command-line overrides.
    func loadConfiguration() throws(ConfigurationError) -> Configuration {
        let cwd = FileManager.default.currentDirectoryPath
        var configuration: Configuration
        if let config {
            configuration = try ConfigurationLoader.load(path: config)
        } else if let found = Self.searchPath.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            configuration = try ConfigurationLoader.load(path: found)
        } else {
            configuration = Configuration.defaults(baseDirectory: cwd)
        }
        if let seeds { configuration.paths.seeds = FilePath.resolve(seeds, against: cwd) }
        if let output { configuration.paths.output = FilePath.resolve(output, against: cwd) }
        if let state { configuration.paths.state = FilePath.resolve(state, against: cwd) }
        return configuration
    }

    /// The configuration, or exit status 78 with the error on stderr (nothing written).
    func configurationOrExit() throws -> Configuration {
        try Self.orExit { () throws(ConfigurationError) in try loadConfiguration() }
    }

    /// Runs `body`; a configuration error is printed and becomes exit status 78.
    static func orExit<T>(_ body: () throws(ConfigurationError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw CommandFailure.exit(error)
        }
    }

    /// The logger on stderr at `--log-level`, else at `defaultLevel`; through `console` when a progress line
    /// shares stderr.
    func makeLogger(defaultLevel: Logger.Level = .info, console: StderrConsole? = nil) -> Logger {
        let level = logLevel.flatMap(Logger.Level.init(rawValue:)) ?? defaultLevel
        return Logger(label: "feedd") { label in StderrLogHandler(label: label, level: level, console: console) }
    }
}
