import FeedIO
import Foundation
import Logging
import Synchronization

/// Collects every batch a real watcher delivers, for tests to wait on.
final class WatchingRecorder: Sendable {
    let watcher: SeedsWatcher
    let log = WatchingLog()
    private let received = WatchingBatchList()
    private let reader: Task<Void, Never>

    init(
        directory: String, debounce: Duration = .milliseconds(100), missingDirectoryCheck: Duration = .seconds(1)
    ) throws {
        let log = self.log
        watcher = try SeedsWatcher(
            directory: directory, debounce: debounce, missingDirectoryCheck: missingDirectoryCheck,
            logger: Logger(label: "test") { _ in WatchingLogHandler(sink: log) })
        let stream = watcher.batches
        let received = self.received
        reader = Task {
            for await batch in stream { received.append(batch) }
        }
    }

    var batches: [WatchBatch] { received.all }
    var names: Set<String> { batches.reduce(into: []) { $0.formUnion($1.names) } }

    /// Waits (polling every 20 ms) until `condition` holds for the batches so far; false after `timeout`.
    func wait(timeout: Duration = .seconds(10), until condition: ([WatchBatch]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(batches) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition(batches)
    }

    /// Stops the watcher and waits until its stream has ended.
    func finish() async {
        watcher.finish()
        await reader.value
    }

    deinit { watcher.finish() }
}

/// The batches received so far, shared between the reading task and the test.
final class WatchingBatchList: Sendable {
    private let list = Mutex<[WatchBatch]>([])
    var all: [WatchBatch] { list.withLock { $0 } }
    func append(_ batch: WatchBatch) { list.withLock { $0.append(batch) } }
}

/// The log lines a watcher wrote, as `level message`.
final class WatchingLog: Sendable {
    private let lines = Mutex<[String]>([])
    var messages: [String] { lines.withLock { $0 } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }
}

/// A log handler that hands every message to a `WatchingLog`.
struct WatchingLogHandler: LogHandler {
    let sink: WatchingLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    func log(event: LogEvent) {
        sink.append("\(event.level) \(event.message)")
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
}
