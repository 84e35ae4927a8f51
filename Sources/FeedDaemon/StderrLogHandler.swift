import Foundation
import Logging

/// One line per event on stderr.
///
/// Under journald (`JOURNAL_STREAM` set) lines carry a `<N>` syslog priority prefix instead of a timestamp,
/// since the journal stamps them itself; otherwise they start with a UTC timestamp and the level. With a
/// console (a progress line on a terminal), lines are written through it, so they erase that line first.
public struct StderrLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    let journald: Bool
    let console: StderrConsole?

    public init(
        label: String, level: Logger.Level, journald: Bool = getenv("JOURNAL_STREAM") != nil, console: StderrConsole? = nil
    ) {
        self.logLevel = level
        self.journald = journald
        self.console = console
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line = ""
        if journald {
            line = "<\(Self.syslogPriority(event.level))>"
        } else {
            line = Self.timestamp(Date()) + " " + Self.levelName(event.level) + " "
        }
        line += LineText.escaped(event.message.description)
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            line += " \(LineText.escaped(key))=\(LineText.escaped(value.description))"
        }
        line += "\n"
        if let console {
            console.writeLine(line)
        } else {
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    static func syslogPriority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    static func levelName(_ level: Logger.Level) -> String {
        switch level {
        case .trace: "TRACE"
        case .debug: "DEBUG"
        case .info: "INFO "
        case .notice: "NOTE "
        case .warning: "WARN "
        case .error: "ERROR"
        case .critical: "CRIT "
        }
    }

    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec)
        )
    }
}
