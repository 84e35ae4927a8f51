import Foundation
import Synchronization

/// The real `feedd` daemon as a child process: its stderr collected as it runs, signals sent by pid.
final class DaemonProcess: Sendable {
    private let process: Process
    private let log = LogBuffer()

    /// The child's stderr so far, shared with the pipe's reader.
    final class LogBuffer: Sendable {
        let text = Mutex("")
        func append(_ data: Data) { text.withLock { $0 += String(decoding: data, as: UTF8.self) } }
    }

    init(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FeeddProcess.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "JOURNAL_STREAM")
        env.removeValue(forKey: "NOTIFY_SOCKET")
        env.merge(environment) { $1 }
        process.environment = env
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let log = self.log
        err.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if !data.isEmpty { log.append(data) }
        }
        try process.run()
        self.process = process
    }

    var output: String { log.text.withLock { $0 } }
    var isRunning: Bool { process.isRunning }

    /// Waits until the log contains `text` (true) or `timeout` passes (false).
    func waitForLog(_ text: String, timeout: TimeInterval = 10) -> Bool {
        wait(timeout: timeout) { self.output.contains(text) }
    }

    /// Polls `condition` every 20 ms until it holds or `timeout` passes.
    func wait(timeout: TimeInterval, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Sends SIGTERM and waits for the exit; returns the status, or nil if it did not exit in time (then kills it).
    func terminate(timeout: TimeInterval = 10) -> Int32? {
        signal(SIGTERM)
        guard wait(timeout: timeout, { !self.process.isRunning }) else {
            signal(SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
