import FeedDaemon
import FeedIO

/// `feedd(1)`: every command and option as ArgumentParser declares them (the tree `--experimental-dump-help`
/// prints), with the sections no declaration holds (files, signals, exit status, examples) around them.
struct CommandManualPage {
    let tool: HelpDump.Command
    /// `.Dd`'s date: `Month day, year`.
    let date: String
    let version: String

    func render() -> String {
        let commands = tool.documentedSubcommands
        let common = Self.commonArguments(of: commands)
        var lines = [
            ".Dd \(date)", ".Dt FEEDD 1", ".Os " + Mdoc.argument("feedd \(version)"),
            ".Sh NAME", ".Nm \(tool.commandName)", ".Nd " + Mdoc.argument(Self.sentenceFragment(tool.abstract ?? "")),
            ".Sh SYNOPSIS",
        ]
        for command in commands {
            lines += synopsis(of: command, common: common)
        }
        lines += [".Sh DESCRIPTION", Mdoc.text(tool.abstract ?? "")]
        if let name = tool.defaultSubcommand {
            lines += [".Pp", Mdoc.text("Without a command, the arguments go to `\(tool.commandName) \(name)`.")]
        }
        lines += [".Pp", Mdoc.text(FeeddHelp.configurationSearch)]
        lines += [".Sh COMMANDS"]
        for command in commands {
            lines += section(for: command, common: common)
        }
        lines += [".Sh COMMON OPTIONS", "Every command takes these options:"] + Self.list(common)
        lines += Self.files + Self.signals + Self.exitStatus + Self.examples
        lines += [".Sh SEE ALSO", ".Xr feedd.toml 5 ,", ".Xr systemd.service 5 ,", ".Xr systemd-sysusers 8 ,", ".Xr systemd-tmpfiles 8"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The arguments every command has (the configuration and path overrides, logging, help): listed once.
    static func commonArguments(of commands: [HelpDump.Command]) -> [HelpDump.Argument] {
        guard let first = commands.first else { return [] }
        return first.documentedArguments.filter { argument in
            commands.allSatisfy { $0.documentedArguments.contains(argument) }
        }
    }

    /// `feedd check [--config file] ... [common options]`, one line per argument as mdoc likes it.
    func synopsis(of command: HelpDump.Command, common: [HelpDump.Argument]) -> [String] {
        var lines = [".Nm"]
        lines.append(command.commandName == tool.defaultSubcommand ? ".Op Cm \(command.commandName)" : ".Cm \(command.commandName)")
        for argument in command.documentedArguments where !common.contains(argument) {
            let usage = Self.usage(of: argument)
            lines.append(argument.isOptional ? ".Op \(usage)" : "." + usage)
        }
        lines.append(".Op Ar common-options")
        return lines
    }

    /// A command's subsection: what it does, then its own options.
    func section(for command: HelpDump.Command, common: [HelpDump.Argument]) -> [String] {
        let isDefault = command.commandName == tool.defaultSubcommand
        var lines = [".Ss " + Mdoc.argument("\(tool.commandName) \(command.commandName)" + (isDefault ? " (the default)" : ""))]
        lines.append(Mdoc.text(command.abstract ?? ""))
        if let discussion = command.discussion, !discussion.isEmpty {
            lines += [".Pp"] + Self.discussion(discussion)
        }
        let own = command.documentedArguments.filter { !common.contains($0) }
        if !own.isEmpty {
            lines += Self.list(own)
        }
        return lines
    }

    /// A tagged list of arguments with their help.
    static func list(_ arguments: [HelpDump.Argument]) -> [String] {
        var lines = [".Bl -tag -width Ds"]
        for argument in arguments {
            lines.append(".It " + usage(of: argument))
            var help = argument.abstract ?? ""
            if let discussion = argument.discussion, !discussion.isEmpty { help += "\n\n" + discussion }
            if let value = argument.defaultValue, !help.contains("default") { help += "\nDefault: `\(value)`." }
            lines.append(help.isEmpty ? "(no description)" : Mdoc.text(help))
        }
        return lines + [".El"]
    }

    /// `Fl -config Ar file`, `Fl h , Fl -help`, `Ar path-or-url ...`: an argument as mdoc macros.
    static func usage(of argument: HelpDump.Argument) -> String {
        let value = Mdoc.argument(argument.valueName ?? "value") + (argument.isRepeating ? " ..." : "")
        switch argument.kind {
        case .positional:
            return "Ar " + value
        case .flag, .option:
            let names = (argument.names ?? []).map { "Fl " + Mdoc.argument(String($0.spelled.dropFirst())) }.joined(separator: " , ")
            return argument.kind == .option ? names + " Ar " + value : names
        }
    }

    /// Discussion text: paragraphs as text, indented lines (command lines) as a literal display.
    static func discussion(_ text: String) -> [String] {
        var lines: [String] = [], prose: [String] = [], literal: [String] = []
        func flush() {
            if !prose.isEmpty { lines.append(Mdoc.text(prose.joined(separator: "\n"))); prose = [] }
            if !literal.isEmpty { lines.append(Mdoc.literal(literal)); literal = [] }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("  ") && !line.allSatisfy(\.isWhitespace) {
                // A heading line (`Examples:`) before the display stands as a paragraph of its own.
                if prose.count > 1, let heading = prose.last, heading.hasSuffix(":") {
                    prose.removeLast()
                    flush()
                    lines.append(".Pp")
                    prose = [heading]
                }
                if !prose.isEmpty { flush() }
                literal.append(String(line.drop(while: { $0 == " " })))
            } else {
                if !literal.isEmpty { flush() }
                prose.append(line)
            }
        }
        flush()
        return lines
    }

    /// `.Nd` wants a fragment: lower-case first word (unless an acronym), no final period.
    static func sentenceFragment(_ text: String) -> String {
        let trimmed = text.hasSuffix(".") ? String(text.dropLast()) : text
        let firstWord = trimmed.prefix { $0 != " " }
        guard firstWord.dropFirst().allSatisfy(\.isLowercase) else { return trimmed }
        return trimmed.prefix(1).lowercased() + trimmed.dropFirst()
    }

    static var files: [String] {
        var metrics = Configuration.defaults(baseDirectory: "/")
        metrics.paths.state = "/var/lib/feedd"
        let configurations = GlobalOptions.searchPath.map { $0.hasPrefix("/") ? $0 : "./" + $0 }
        return [
            ".Sh FILES",
            "The paths are those of the packaged units, which give them on the command line.",
            ".Bl -tag -width Ds",
            ".It " + configurations.map { "Pa " + Mdoc.argument($0) }.joined(separator: " , "),
            Mdoc.text("The configuration when `--config` is not given, the first that exists; see feedd.toml(5)."),
            ".It Pa " + Mdoc.argument("/var/lib/feedd/" + StateStore.fileName),
            Mdoc.text("The store: articles, sources, entries and poll state (SQLite, with its `-wal` and `-shm` files)."),
            ".It Pa " + Mdoc.argument("/var/lib/feedd/" + StateDirectory.lockName),
            Mdoc.text("The lock one feedd holds while it works (exit status 75, or `--wait`, for the next one)."),
            ".It Pa " + Mdoc.argument(metrics.metricsFile ?? "/var/lib/feedd/feedd.prom"),
            Mdoc.text("Prometheus metrics, written after each publish (`daemon.metrics_file`)."),
            ".It Pa /srv/feedd/seeds",
            Mdoc.text("Article files; writable by the `feedd` group (add editors to it)."),
            ".It Pa /srv/feedd/feeds",
            Mdoc.text("The published feeds, replaced by rename; serve this directory with a web server."),
            ".El",
        ]
    }

    static let signals = [
        ".Sh SIGNALS",
        "The daemon (the run command without --once) handles:",
        ".Bl -tag -width Ds",
        ".It Dv SIGTERM , Dv SIGINT",
        "Finish the current pass and exit with status 0.",
        ".It Dv SIGHUP",
        "Read the configuration again and rescan the seeds directory; a configuration that cannot be used is reported and the old one stays.",
        ".It Dv SIGUSR1",
        "Poll every source now.",
        ".El",
        ".Pp",
        "Under systemd (Type=notify) it reports READY=1 after the first publish, STATUS= lines, WATCHDOG=1, RELOADING=1 and STOPPING=1.",
    ]

    static var exitStatus: [String] {
        [".Sh EXIT STATUS", ".Bl -tag -width Ds"]
            + ExitStatus.all.flatMap { [".It \($0.rawValue)", Mdoc.text(Self.capitalized($0.meaning) + ".")] }
            + [".El", ".Pp", Mdoc.text(FeeddHelp.nothingWritten)]
    }

    static var examples: [String] {
        [".Sh EXAMPLES"] + FeeddHelp.examples.enumerated().flatMap { index, example in
            (index == 0 ? [] : [".Pp"]) + [Mdoc.text(Self.capitalized(example.meaning) + ":"), ".Dl " + Mdoc.argument(example.command)]
        }
    }

    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
