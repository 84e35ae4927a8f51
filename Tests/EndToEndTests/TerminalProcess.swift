import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `feedd` with its stderr on a pseudo-terminal, as a person at a terminal would see it, and
/// captures the bytes the terminal received (stdout goes to a pipe, kept apart).
///
/// The terminal passes output through unchanged (no newline to CR-LF), so what a test reads is exactly what
/// `feedd` wrote; its width is `columns`. A daemon is sent SIGTERM once the terminal shows `stopAfter`.
struct TerminalProcess {
    struct Result {
        var status: Int32
        /// What reached the terminal: stderr.
        var terminal: String
        var stdout: String
    }

    struct SetupError: Error, CustomStringConvertible {
        var call: String
        var code: Int32
        var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
    }

    /// Linux's terminal ioctls that Glibc's module does not bring in (function-like macros in
    /// `<asm-generic/ioctls.h>`, the same numbers on x86-64 and AArch64): unlock the pair, get its number.
    static let unlockRequest: UInt = 0x4004_5431  // TIOCSPTLCK
    static let numberRequest: UInt = 0x8004_5430  // TIOCGPTN

    static func run(
        _ arguments: [String], in directory: String, environment: [String: String], columns: UInt16 = 132,
        stopAfter: String? = nil, timeout: TimeInterval = 120
    ) throws -> Result {
        // posix_openpt, unlockpt and ptsname, as glibc does them on Linux (grantpt has nothing to do on devpts).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw SetupError(call: "open /dev/ptmx", code: errno) }
        defer { close(master) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, Self.unlockRequest, &unlock) == 0, ioctl(master, Self.numberRequest, &number) == 0 else {
            throw SetupError(call: "ioctl TIOCSPTLCK/TIOCGPTN", code: errno)
        }
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw SetupError(call: "open /dev/pts/\(number)", code: errno) }
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var modes = termios()
        guard ioctl(slave, UInt(TIOCSWINSZ), &size) == 0, tcgetattr(slave, &modes) == 0 else {
            close(slave)
            throw SetupError(call: "ioctl/tcgetattr", code: errno)
        }
        modes.c_oflag &= ~tcflag_t(OPOST)
        tcsetattr(slave, TCSANOW, &modes)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: FeeddProcess.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        for name in ["JOURNAL_STREAM", "NOTIFY_SOCKET", "COLUMNS"] { env.removeValue(forKey: name) }
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            close(slave)
            throw error
        }
        // Only the child holds the terminal now: once it exits, reading the master side ends (EIO).
        close(slave)
        let terminal = Mutex([UInt8]())
        nonisolated(unsafe) var outData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            var buffer = [UInt8](repeating: 0, count: 4_096)
            while true {
                let count = read(master, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                terminal.withLock { $0 += buffer[0..<count] }
            }
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let deadline = Date().addingTimeInterval(timeout)
        var stopSent = false
        while process.isRunning && Date() < deadline {
            if let stopAfter, !stopSent, terminal.withLock({ String(decoding: $0, as: UTF8.self) }).contains(stopAfter) {
                kill(process.processIdentifier, SIGTERM)
                stopSent = true
            }
            usleep(10_000)
        }
        if process.isRunning {
            process.terminate()
            throw FeeddProcess.TimeoutError(arguments: arguments)
        }
        process.waitUntilExit()
        group.wait()
        return Result(
            status: process.terminationStatus,
            terminal: terminal.withLock { String(decoding: $0, as: UTF8.self) },
            stdout: String(decoding: outData, as: UTF8.self)
        )
    }
}
