import Foundation

/// Runs a tool the tests check outputs with (python3 scripts, systemd-analyze), waiting for it to end.
enum ToolProcess {
    /// `tool arguments…` in `directory`, standard input empty; its status and its stdout and stderr together.
    static func run(_ tool: String, _ arguments: [String], in directory: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `python3 arguments…`, found on the PATH.
    static func python(_ arguments: [String], in directory: String? = nil) throws -> (status: Int32, output: String) {
        try run("/usr/bin/env", ["python3"] + arguments, in: directory)
    }
}
