import FeedDaemon
import FeedIO
import Foundation
import Synchronization

/// Draws a pass's progress on a terminal: counts the pass's events and redraws the status line, through
/// the console the log writes through too, at most five times a second: on an event, or on a timer while
/// none comes (the time still moves). The line is erased when the pass ends.
final class ProgressDisplay: Sendable {
    private struct State {
        var progress = PassProgress()
        var lastDrawn: ContinuousClock.Instant?
        var stopped = false
    }

    private let console: StderrConsole
    private let columns: @Sendable () -> Int
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private let state = Mutex(State())
    /// How often the line is redrawn.
    static let interval = Duration.milliseconds(200)

    init(console: StderrConsole, columns: @escaping @Sendable () -> Int = ProgressDisplay.stderrColumns) {
        self.console = console
        self.columns = columns
        self.started = clock.now
    }

    /// The width of the terminal on stderr: the kernel's (read at each redraw: the window may be resized),
    /// else `COLUMNS`, else 80.
    @Sendable static func stderrColumns() -> Int {
        Terminal.columns(STDERR_FILENO)
            ?? ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 80
    }

    /// The sink the pass reports to.
    var sink: ProgressSink {
        ProgressSink { [self] event in record(event) }
    }

    /// Runs `body` with a sink to report to (nil without a display), redrawing the line beside it until the
    /// pass reports `.finished` or `body` returns; the line is erased either way.
    static func showing<T>(_ display: ProgressDisplay?, _ body: (ProgressSink?) async throws -> T) async throws -> T {
        guard let display else { return try await body(nil) }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await display.redrawUntilFinished() }
            defer {
                display.record(.finished)
                group.cancelAll()
            }
            return try await body(display.sink)
        }
    }

    private func record(_ event: PassEvent) {
        let now = clock.now
        state.withLock { state in
            guard !state.stopped else { return }
            state.progress.apply(event, at: now - started)
            if event == .finished {
                // The last counts are drawn once (the final line a person may glimpse), then the line goes.
                draw(&state, at: now)
                console.clear()
                state.stopped = true
            } else if state.lastDrawn.map({ now - $0 >= Self.interval }) ?? true {
                draw(&state, at: now)
            }
        }
    }

    private func redrawUntilFinished() async {
        while !Task.isCancelled {
            let now = clock.now
            let stopped = state.withLock { state in
                if !state.stopped, state.lastDrawn.map({ now - $0 >= Self.interval / 2 }) ?? true { draw(&state, at: now) }
                return state.stopped
            }
            if stopped { return }
            do { try await Task.sleep(for: Self.interval) } catch { return }
        }
    }

    /// Draws the line, if the pass is worth one yet.
    private func draw(_ state: inout State, at now: ContinuousClock.Instant) {
        guard let line = ProgressLine.render(state.progress, elapsed: now - started, columns: columns()) else { return }
        console.show(line)
        state.lastDrawn = now
    }
}
