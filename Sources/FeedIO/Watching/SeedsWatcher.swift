#if canImport(Glibc)
import Dispatch
import Foundation
import Glibc
import Logging

/// Watches the seeds directory with inotify and delivers debounced batches of changed article names.
///
/// One dedicated thread blocks in `poll(2)` on the inotify descriptor and a wake-up eventfd; it never spins.
/// A directory that does not exist (or vanishes) is looked for again every `missingDirectoryCheck` (default
/// 1 s; polling also covers a missing parent), with one log line per state change, and a batch with
/// `rescanNeeded` follows when it appears. A directory present at start yields nothing until something
/// changes: the start-up scan is the caller's, and so is any periodic rescan (the daemon's `rescan_minutes`
/// timer), which catches what inotify cannot see (a file system mounted over the directory, NFS).
public final class SeedsWatcher: Sendable {
    /// The watched path.
    public let directory: String
    /// The batches, in order; the stream ends after `finish()` (and `finish()` runs when it is cancelled).
    public let batches: AsyncStream<WatchBatch>
    private let wakeup: WakeupDescriptor
    private let exited = DispatchGroup()

    /// Starts watching `directory`: a batch is due `debounce` after the last change of a burst, at most
    /// `maxDelay` after its first one.
    public init(
        directory: String,
        debounce: Duration = .milliseconds(250),
        maxDelay: Duration = .seconds(2),
        missingDirectoryCheck: Duration = .seconds(1),
        logger: Logger
    ) throws(FileError) {
        let inotify = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard inotify >= 0 else { throw FileError(path: directory, operation: "start inotify for", errno: errno) }
        let wakeup: WakeupDescriptor
        do {
            wakeup = try WakeupDescriptor(path: directory)
        } catch {
            close(inotify)
            throw error
        }
        let (stream, continuation) = AsyncStream.makeStream(of: WatchBatch.self)
        self.directory = directory
        self.batches = stream
        self.wakeup = wakeup
        continuation.onTermination = { _ in wakeup.signal() }
        let collector = WatchBatchCollector(debounce: debounce, maxDelay: maxDelay)
        var loop = SeedsWatchLoop(
            directory: directory, inotify: inotify, wakeup: wakeup, collector: collector,
            missingDirectoryCheck: missingDirectoryCheck, logger: logger,
            continuation: continuation)
        // Attach before returning, so every change after `init` is seen.
        loop.attach(at: .now)
        let started = loop
        let exited = self.exited
        exited.enter()
        let thread = Thread {
            var loop = started
            loop.run()
            exited.leave()
        }
        thread.name = "feedd-seeds-watcher"
        thread.start()
    }

    /// Stops the watch: closes the inotify descriptor and ends `batches`; returns once the thread is done.
    public func finish() {
        wakeup.signal()
        exited.wait()
    }

    deinit {
        wakeup.signal()
    }
}
#endif
