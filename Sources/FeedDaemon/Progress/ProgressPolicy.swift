/// Whether a progress line may be drawn at all: only for a person watching a terminal.
public enum ProgressPolicy {
    /// True when stderr is a terminal that understands a carriage return and erase-to-end-of-line (`TERM`
    /// is not `dumb`), `--quiet` was not given, and the process is no systemd service (`NOTIFY_SOCKET`) and
    /// does not write to the journal (`JOURNAL_STREAM`). Cron and pipes fail the first test.
    public static func allows(quiet: Bool, stderrIsTerminal: Bool, environment: [String: String]) -> Bool {
        !quiet && stderrIsTerminal && environment["TERM"] != "dumb"
            && environment["JOURNAL_STREAM"] == nil && environment["NOTIFY_SOCKET"] == nil
    }
}
