/// The state directory opened for work: its lock taken, then its store opened. Every command that writes
/// the store or the outputs opens it this way; the lock is held for as long as the value lives.
public final class StateDirectory: Sendable {
    /// The lock file's name inside the state directory.
    public static let lockName = "feedd.lock"

    public let path: String
    public let lock: ProcessLock
    public let store: StateStore

    /// Creates the directory when needed, takes the lock (failing at once when another feedd holds it,
    /// unless `waitForLock`), and opens the store `choice` names (SQLite inside the directory by default).
    /// Throws a `FileError`, a `ProcessLock.Failure` or a `StoreError` (each a `StatusError`).
    public init(path: String, waitForLock: Bool, store choice: StoreChoice = .sqlite) throws {
        try DirectoryScanner.createDirectory(path)
        lock = try ProcessLock(path: FilePath.join(path, Self.lockName), wait: waitForLock)
        store = try StateStore(choice, directory: path)
        self.path = path
    }

    /// Waits until no other feedd holds the lock of the state directory at `path` (the daemon's `--wait`:
    /// a running `--once` finishes first), without keeping it.
    public static func waitUntilFree(_ path: String) {
        _ = try? ProcessLock(path: FilePath.join(path, lockName), wait: true)
    }
}
