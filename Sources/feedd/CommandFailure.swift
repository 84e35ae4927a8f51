import ArgumentParser
import FeedDaemon
import FeedIO
import Foundation
import Logging
import ServiceLifecycle

/// The one place where an error ends a command: its message goes to the log (or to stderr, for commands
/// without one) and the exit status is the one the error carries (`StatusError`), else 1.
enum CommandFailure {
    /// The exit status `error` ends the process with.
    static func status(of error: any Error) -> ExitStatus {
        (error as? any StatusError)?.exitStatus ?? .failure
    }

    /// What to print for `error`.
    static func message(of error: any Error) -> String {
        switch error {
        case let error as ConfigurationError: "configuration: \(error.description)"
        case let error as any StatusError: error.description
        case let error as ServiceGroupError: "\(error)"
        default: "\(error)"
        }
    }

    /// Reports `error` and returns the `ExitCode` to throw.
    static func exit(_ error: any Error, logger: Logger? = nil) -> ExitCode {
        let message = message(of: error)
        if let logger {
            logger.error("\(message)")
        } else {
            FileHandle.standardError.write(Data("feedd: \(message)\n".utf8))
        }
        return ExitCode(status(of: error).rawValue)
    }

    /// A status that ends a command without an error value of its own (`inspect` reports its failures inline).
    static func exit(_ status: ExitStatus) -> ExitCode {
        ExitCode(status.rawValue)
    }
}
