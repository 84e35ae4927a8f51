import ArgumentParser
import FeedIO
import Foundation

/// `feedd store copy --from sqlite:PATH --to postgresql://…` (and back): moves a store between engines.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Copy a store into a new, empty one: `feedd store copy --from STORE --to STORE` (SQLite to PostgreSQL, or back).",
        discussion: """
                A store is sqlite:PATH (a state directory, or its feedd.sqlite file) or a PostgreSQL URL without \
                a password (postgresql://user@host[:port]/database). Every article file, entry, text and source \
                is copied as it is; claims and instance records are not. The destination must hold no row yet. \
                Stop the feedd instances that use either store first (a SQLite store's lock is taken). The \
                PostgreSQL password comes from --password-file, else the configuration's store.password_file, else \
                $FEEDD_STORE_PASSWORD.
                """
    )

    /// What to do with the store (one action so far).
    enum Action: String, ExpressibleByArgument, CaseIterable {
        case copy
    }

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("What to do: copy.", valueName: "action"))
    var action: Action

    @Option(help: ArgumentHelp("The store to copy from.", valueName: "store"))
    var from: String

    @Option(help: ArgumentHelp("The new store to copy into.", valueName: "store"))
    var to: String

    @Option(help: ArgumentHelp("File whose first line is the PostgreSQL password.", valueName: "file"))
    var passwordFile: String?

    func run() async throws {
        let configuration = try options.configurationOrExit()
        let passwordFile = passwordFile.map { FilePath.resolve($0, against: FileManager.default.currentDirectoryPath) }
            ?? configuration.store.passwordFile
        do {
            let (source, sourceLock) = try open(from, role: "--from", passwordFile: passwordFile)
            let (destination, destinationLock) = try open(to, role: "--to", passwordFile: passwordFile)
            let report = try StoreCopy.copy(from: source, to: destination)
            let rows = report.rows.map { "\($0.count) \($0.table)" }.joined(separator: ", ")
            print("copied \(report.total) rows from \(source.path) to \(destination.path): \(rows)")
            _ = (sourceLock, destinationLock)
        } catch {
            throw CommandFailure.exit(error)
        }
    }

    /// The store `text` names, opened (a SQLite one with its state directory's lock held).
    func open(_ text: String, role: String, passwordFile file: String?) throws -> (StateStore, ProcessLock?) {
        if text.hasPrefix("sqlite:") {
            var path = FilePath.resolve(String(text.dropFirst("sqlite:".count)), against: FileManager.default.currentDirectoryPath)
            if path.hasSuffix("/" + StateStore.fileName) { path = String(path.dropLast(StateStore.fileName.count + 1)) }
            try DirectoryScanner.createDirectory(path)
            let lock = try ProcessLock(path: FilePath.join(path, StateDirectory.lockName), wait: false)
            return (try StateStore(directory: path), lock)
        }
        let location: PostgresLocation
        do {
            location = try PostgresLocation(url: text)
        } catch {
            throw ValidationError("\(role): expected sqlite:PATH or postgresql://user@host[:port]/database; the URL \(error)")
        }
        return (try StateStore(.postgres(location, passwordFile: file), directory: ""), nil)
    }
}
