import Foundation
import Testing

/// The progress line of the real `feedd --once`: on a pseudo-terminal a long pass shows it; on a pipe (cron,
/// journald) and with `--quiet` nothing of it is written.
@Suite(.serialized) struct ProgressEndToEndTests {
    typealias Workspace = OnceEndToEndTests.Workspace

    static let terminal = ["TERM": "xterm-256color"]
    static let columns: UInt16 = 132

    /// A workspace with `articles` article files in the seeds format and `sources` local feeds.
    static func workspace(articles: Int, sources: Int) -> Workspace {
        var config = Workspace.config
        for number in 0..<sources {
            config += "\n[[source]]\nname = \"feed \(number)\"\nurl = \"../feeds/feed\(number).xml\"\n"
        }
        let workspace = Workspace(config: config)
        try! FileManager.default.createDirectory(atPath: workspace.dir.file("feeds"), withIntermediateDirectories: true)
        for number in 0..<sources {
            workspace.dir.write("feeds/feed\(number).xml", """
                <?xml version="1.0"?><rss version="2.0"><channel><title>Feed \(number)</title><link>https://site.example/</link>
                <item><guid>https://site.example/\(number)</guid><title>Item \(number)</title>
                <link>https://site.example/\(number)</link><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item>
                </channel></rss>
                """)
        }
        for number in 0..<articles {
            workspace.seed(String(format: "%04d_%016d.txt", number, number), """
                Harbour report number \(number)

                Key Facts

                The harbour office counted \(number) ships this week, and the new quay took its first ferries.

                Source: https://example.com/news/2026/04/02/harbour-\(number)
                """)
        }
        return workspace
    }

    static func onTerminal(_ workspace: Workspace, _ extra: [String] = [], environment: [String: String] = terminal) throws
        -> TerminalProcess.Result {
        try TerminalProcess.run(
            ["--once", "--config", workspace.dir.file("etc/feedd.toml")] + extra, in: workspace.dir.path,
            environment: environment, columns: columns
        )
    }

    /// Every status line drawn (`\r`, text, erase to end of line), erasures left out.
    static func statusLines(_ output: String) -> [String] {
        output.matches(of: #/\r([^\r\n]*)\x{1B}\[K/#).map { String($0.output.1) }.filter { !$0.isEmpty }
    }

    /// The lines left on screen, each with its timestamp replaced by `T` and the workspace by `DIR` (two runs
    /// differ there only).
    static func logLines(_ output: String, workspace: Workspace? = nil) -> [String] {
        var output = output
        if let workspace { output = output.replacing(workspace.dir.path, with: "DIR") }
        return TerminalScreen(output).lines.map { $0.replacing(#/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ /#, with: "T ") }
    }

    @Test func aLongPassOnATerminalShowsProgressWithTheFinalCount() throws {
        let (articles, sources) = (400, 5)
        let result = try Self.onTerminal(Self.workspace(articles: articles, sources: sources))
        #expect(result.status == 0, "\(result.terminal)")
        let drawn = Self.statusLines(result.terminal)
        #expect(!drawn.isEmpty, "\(result.terminal)")
        #expect(drawn.contains { $0.hasPrefix("articles \(articles)/\(articles) · sources \(sources)/\(sources) due · ") },
                "\(drawn)")
        #expect(drawn.allSatisfy { $0.hasPrefix("articles ") && $0.count < Int(Self.columns) }, "\(drawn)")
        #expect(drawn.contains { $0.hasSuffix(" files/s") }, "\(drawn)")
        // The status line is gone at the end, and each line left on screen is a whole line of the log.
        #expect(TerminalScreen(result.terminal).current == "", "\(result.terminal)")
        let logs = Self.logLines(result.terminal)
        #expect(logs.contains { $0.hasPrefix("T INFO  once: \(articles) article files (\(articles) new") }, "\(logs)")
        #expect(logs.allSatisfy { $0.hasPrefix("T ") && !$0.contains("\r") && !$0.contains("\u{1B}") }, "\(logs)")
    }

    @Test func onAPipeTheSameRunPrintsOnlyItsLogLines() throws {
        let (articles, sources) = (400, 5)
        let terminalWorkspace = Self.workspace(articles: articles, sources: sources)
        let onTerminal = try Self.onTerminal(terminalWorkspace)
        let workspace = Self.workspace(articles: articles, sources: sources)
        let onPipe = try FeeddProcess.run(
            ["--once", "--config", workspace.dir.file("etc/feedd.toml")], in: workspace.dir.path, environment: Self.terminal
        )
        #expect(onPipe.status == 0 && onTerminal.status == 0)
        for mark in ["\r", "\u{1B}", "files/s", "articles "] {
            #expect(!onPipe.stderr.contains(mark), "\(mark.debugDescription) in \(onPipe.stderr)")
        }
        let logs = Self.logLines(onPipe.stderr, workspace: workspace)
        #expect(logs.contains { $0.hasPrefix("T INFO  once: \(articles) article files (\(articles) new") }, "\(logs)")
        #expect(logs.allSatisfy { $0.hasPrefix("T ") }, "\(logs)")
        // The same lines (the sources are polled concurrently: their lines come in any order).
        #expect(logs.sorted() == Self.logLines(onTerminal.terminal, workspace: terminalWorkspace).sorted())
    }

    /// The daemon shows progress for its first pass only, then logs as it always does.
    @Test func theDaemonShowsItsFirstPassOnly() throws {
        let articles = 400
        let workspace = Self.workspace(articles: articles, sources: 0)
        let result = try TerminalProcess.run(
            ["--config", workspace.dir.file("etc/feedd.toml")], in: workspace.dir.path, environment: Self.terminal,
            columns: Self.columns, stopAfter: "ready: watching"
        )
        #expect(result.status == 0, "\(result.terminal)")
        let parts = result.terminal.components(separatedBy: "ready: watching")
        #expect(parts.count == 2, "\(result.terminal)")
        #expect(Self.statusLines(parts[0]).contains { $0.hasPrefix("articles \(articles)/\(articles) · ") }, "\(parts[0])")
        #expect(!parts[1].contains("\r") && !parts[1].contains("\u{1B}"), "\(parts[1])")
        #expect(parts[1].contains("stopping: the last pass is finished"), "\(parts[1])")
        let logs = Self.logLines(result.terminal)
        #expect(!logs.isEmpty && logs.allSatisfy { $0.hasPrefix("T ") }, "\(logs)")
    }

    @Test(arguments: [
        ("--quiet", ["--quiet"], terminal, 400, 5),
        ("TERM=dumb", [], ["TERM": "dumb"], 400, 5),
        ("under the thresholds", [], terminal, 300, 3),
    ])
    func noProgress(_ label: String, extra: [String], environment: [String: String], articles: Int, sources: Int) throws {
        let result = try Self.onTerminal(Self.workspace(articles: articles, sources: sources), extra, environment: environment)
        #expect(result.status == 0, "\(label): \(result.terminal)")
        #expect(!result.terminal.contains("\r") && !result.terminal.contains("\u{1B}"), "\(label): \(result.terminal)")
        #expect(!result.terminal.contains("files/s"), "\(label): \(result.terminal)")
        let logs = Self.logLines(result.terminal)
        if extra.contains("--quiet") {
            // --quiet also keeps the log to warnings and errors: a pass without trouble says nothing.
            #expect(logs.isEmpty, "\(logs)")
        } else {
            #expect(logs.contains { $0.hasPrefix("T INFO  once: \(articles) article files (\(articles) new") }, "\(label): \(logs)")
        }
    }
}
