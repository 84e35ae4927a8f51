import FeedCore

/// The process exit statuses feedd uses (`sysexits.h`), documented in the README.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// Anything unforeseen.
    case failure = 1
    /// `feedd status`: an enabled source's last fetch failed, or it is gone (410). Not from sysexits: 2 is
    /// what monitoring plugins (Nagios, Icinga) report as CRITICAL.
    case sourceFailing = 2
    /// EX_USAGE: an unknown option or a bad value on the command line.
    case usage = 64
    /// EX_DATAERR: `inspect` or `import` was given input that cannot be parsed.
    case dataError = 65
    /// EX_NOINPUT: the seeds directory is missing, unreadable, or empty where articles were.
    case noInput = 66
    /// EX_UNAVAILABLE: the built-in server cannot listen where it was told to (the address is in use).
    case unavailable = 69
    /// EX_IOERR: the state store, the output directory or another file failed.
    case ioError = 74
    /// EX_TEMPFAIL: another feedd holds the lock.
    case tempFail = 75
    /// EX_CONFIG: the configuration cannot be used.
    case configuration = 78
}

/// An error that says which exit status it ends a command with. Errors keep their own types up to the
/// command line, which maps them to a status in one place (`feedd`'s `CommandFailure`).
public protocol StatusError: Error, CustomStringConvertible {
    var exitStatus: ExitStatus { get }
}

extension FileError: StatusError {
    public var exitStatus: ExitStatus { .ioError }
}

extension StoreError: StatusError {
    public var exitStatus: ExitStatus { .ioError }
}

extension ProcessLock.Failure: StatusError {
    public var exitStatus: ExitStatus {
        if case .held = self { return .tempFail }
        return .ioError
    }
}

extension FeedParseError: StatusError {
    public var exitStatus: ExitStatus { .dataError }
}
