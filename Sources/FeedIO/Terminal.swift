#if canImport(Glibc)
import Glibc
#endif

/// What the kernel says of a terminal on a descriptor (stderr, for the progress line).
public enum Terminal {
    /// Whether `descriptor` is a terminal (not a file, a pipe, cron's mail or the journal).
    public static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// The terminal's width in columns; nil when `descriptor` is no terminal or the width is unknown (0).
    public static func columns(_ descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
