#if canImport(Glibc)
import Glibc
import Logging

/// The watcher thread's state and loop: attach the watch, poll, read events, hand out due batches.
struct SeedsWatchLoop {
    let directory: String
    let inotify: Int32
    let wakeup: WakeupDescriptor
    var collector: WatchBatchCollector
    let missingDirectoryCheck: Duration
    let logger: Logger
    let continuation: AsyncStream<WatchBatch>.Continuation
    /// The current watch descriptor, nil while the directory is missing.
    private var watch: Int32?
    /// True after the directory was missing or lost: its (re)appearance asks for a rescan.
    private var lost = false
    /// The last problem logged, so a missing directory is reported once, not every second.
    private var reportedProblem: String?

    init(
        directory: String, inotify: Int32, wakeup: WakeupDescriptor, collector: WatchBatchCollector,
        missingDirectoryCheck: Duration, logger: Logger,
        continuation: AsyncStream<WatchBatch>.Continuation
    ) {
        self.directory = directory
        self.inotify = inotify
        self.wakeup = wakeup
        self.collector = collector
        self.missingDirectoryCheck = missingDirectoryCheck
        self.logger = logger
        self.continuation = continuation
    }

    mutating func run() {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer {
            buffer.deallocate()
            close(inotify)
            continuation.finish()
        }
        while true {
            let now = ContinuousClock.now
            if watch == nil { attach(at: now) }
            if let batch = collector.take(at: now) { continuation.yield(batch) }
            var fds = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakeup.fd, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, pollTimeout(now: now))
            if ready < 0 {
                // A signal: go round again (the timeouts are worked out afresh).
                if errno == EINTR { continue }
                logger.error("FAIL (WATCH) \(directory): poll: \(String(cString: strerror(errno))); watching stopped")
                return
            }
            if fds[1].revents != 0 { return }
            if fds[0].revents != 0 { drain(buffer) }
        }
    }

    /// Milliseconds until the next batch is due or the next look for a missing directory; -1 for none.
    private func pollTimeout(now: ContinuousClock.Instant) -> Int32 {
        var wait = collector.deadline.map { $0 - now }
        if watch == nil { wait = min(wait ?? missingDirectoryCheck, missingDirectoryCheck) }
        guard let wait else { return -1 }
        let parts = wait.components
        let milliseconds = parts.seconds * 1_000 + (parts.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(0, milliseconds))
    }

    /// Adds the watch; while the path is missing (or not a directory), logs that once and waits.
    mutating func attach(at now: ContinuousClock.Instant) {
        let descriptor = inotify_add_watch(inotify, directory, InotifyMask.seedsWatch)
        if descriptor >= 0 {
            watch = descriptor
            if lost {
                logger.info("WATCH \(directory): the seeds directory is there; watching it and rescanning")
                collector.requestRescan(at: now)
            }
            lost = false
            reportedProblem = nil
            return
        }
        let code = errno
        let problem = switch code {
        case ENOENT: "the seeds directory does not exist yet"
        case ENOTDIR: "the seeds path is not a directory"
        default: "cannot watch the seeds directory: \(String(cString: strerror(code)))"
        }
        if problem != reportedProblem {
            logger.warning("WATCH \(directory): \(problem); waiting for it (looking again every \(missingDirectoryCheck))")
            reportedProblem = problem
        }
        lost = true
    }

    /// Reads every queued event (the descriptor is non-blocking) and records what they mean.
    private mutating func drain(_ buffer: UnsafeMutableRawBufferPointer) {
        while true {
            let count = SystemCall.retrying { read(inotify, buffer.baseAddress, buffer.count) }
            if count < 0 {
                if errno != EAGAIN {
                    logger.error("FAIL (WATCH) \(directory): read: \(String(cString: strerror(errno)))")
                }
                return
            }
            if count == 0 { return }
            let now = ContinuousClock.now
            for event in InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) {
                handle(event, at: now)
            }
        }
    }

    private mutating func handle(_ event: InotifyEvent, at now: ContinuousClock.Instant) {
        switch WatchEventAction.of(event, watch: watch) {
        case .ignore:
            break
        case .changed(let name):
            collector.add(name, at: now)
        case .createdLink(let name):
            if isCompleteOnCreation(name) { collector.add(name, at: now) }
        case .overflow:
            logger.warning("WATCH \(directory): the inotify queue overflowed; rescanning")
            collector.requestRescan(at: now)
        case .directoryLost:
            // After IN_MOVE_SELF the watch follows the moved directory: drop it and watch the path again.
            if let watch { inotify_rm_watch(inotify, watch) }
            watch = nil
            lost = true
            logger.warning("WATCH \(directory): the seeds directory was moved or deleted; rescanning")
            collector.requestRescan(at: now)
        }
    }

    /// A symbolic link or an extra hard link is whole when it appears; a new regular file is still being written.
    private func isCompleteOnCreation(_ name: String) -> Bool {
        var info = stat()
        guard lstat(directory + "/" + name, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFLNK || ((info.st_mode & S_IFMT) == S_IFREG && info.st_nlink > 1)
    }
}
#endif
