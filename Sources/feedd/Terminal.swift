import Foundation

/// What the process knows of the terminal its stderr may be.
enum Terminal {
    /// Whether stderr is a terminal (not a file, a pipe, cron's mail or the journal).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// The width of the terminal on stderr: the kernel's, else `COLUMNS`, else 80.
    @Sendable static func stderrColumns() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }
}
