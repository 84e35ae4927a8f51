import FeedDaemon
import Testing

@Suite struct ProgressPolicyTests {
    static let terminal = ["TERM": "xterm-256color"]

    @Test(arguments: [
        (false, true, terminal, true),
        (false, true, [:], true),
        (true, true, terminal, false),
        (false, false, terminal, false),
        (false, true, ["TERM": "dumb"], false),
        (false, true, ["TERM": "xterm", "JOURNAL_STREAM": "8:12345"], false),
        (false, true, ["TERM": "xterm", "NOTIFY_SOCKET": "/run/systemd/notify"], false),
    ])
    func onlyForAPersonAtATerminal(quiet: Bool, isTerminal: Bool, environment: [String: String], allowed: Bool) {
        #expect(ProgressPolicy.allows(quiet: quiet, stderrIsTerminal: isTerminal, environment: environment) == allowed)
    }
}
