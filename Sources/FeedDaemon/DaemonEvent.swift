import FeedIO

/// What wakes the daemon's loop.
enum DaemonEvent: Sendable {
    /// inotify saw article files change (or asks for a full rescan).
    case seeds(WatchBatch)
    /// The periodic check: are sources due, is the slow rescan due?
    case tick
    /// SIGHUP: read the configuration again.
    case reload
    /// SIGUSR1: poll every source now.
    case pollAll
}
