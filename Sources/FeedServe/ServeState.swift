import FeedCore
import Foundation
import Synchronization

/// What the server answers with, kept current by the daemon: the output files (after each publish), the
/// metrics text and whether the daemon is healthy. Shared between the daemon's loop and the server's
/// connections; every read takes a consistent copy.
public final class ServeState: Sendable {
    /// The daemon's health as `/healthz` reports it.
    public struct Health: Sendable, Hashable {
        public var ok: Bool
        public var message: String

        public init(ok: Bool, message: String) {
            self.ok = ok
            self.message = message
        }
    }

    struct Content: Sendable {
        var directory: String
        var outputFiles: OutputFiles
        var cacheSeconds: Int
        var snapshot = OutputSnapshot()
        /// The snapshot's files by request path (`/atom.xml`; `/` for the page), heads made.
        var byPath: [String: PreparedFile] = [:]
        var metrics = ""
        var health = Health(ok: false, message: "starting: nothing published yet")
    }

    private let content: Mutex<Content>
    /// One element once the server listens; finished without one if it cannot.
    private let listening: AsyncStream<Int>
    let listeningInput: AsyncStream<Int>.Continuation

    public init(directory: String, outputFiles: OutputFiles, cacheSeconds: Int) {
        content = Mutex(Content(directory: directory, outputFiles: outputFiles, cacheSeconds: cacheSeconds))
        (listening, listeningInput) = AsyncStream.makeStream(of: Int.self)
    }

    /// Waits until the server listens (its port) or could not (nil); for the daemon, which publishes
    /// nothing before it knows it can serve. Call it once.
    public func waitUntilListening() async -> Int? {
        var iterator = listening.makeAsyncIterator()
        return await iterator.next()
    }

    /// Reads the output directory again (call after each publish, and after a reload changed where it is).
    /// Returns the files that could not be read.
    @discardableResult
    public func refresh(directory: String, outputFiles: OutputFiles, cacheSeconds: Int) -> [String] {
        let previous = content.withLock { $0.directory == directory ? $0.snapshot : OutputSnapshot() }
        // Read outside the lock: requests go on being answered from the previous snapshot meanwhile.
        let (snapshot, problems) = OutputSnapshot.load(directory: directory, outputFiles: outputFiles, previous: previous)
        var byPath: [String: PreparedFile] = [:]
        for (name, file) in snapshot.files {
            let prepared = PreparedFile(file, cacheSeconds: cacheSeconds)
            byPath["/" + name] = prepared
            if name == outputFiles.page { byPath["/"] = prepared }
        }
        content.withLock {
            $0.directory = directory
            $0.outputFiles = outputFiles
            $0.cacheSeconds = cacheSeconds
            $0.snapshot = snapshot
            $0.byPath = byPath
        }
        return problems
    }

    public func setMetrics(_ text: String) {
        content.withLock { $0.metrics = text }
    }

    public func setHealth(_ health: Health) {
        content.withLock { $0.health = health }
    }

    var current: Content { content.withLock { $0 } }

    /// The published file a request path names (`/` is the page), from the snapshot only: never reads the
    /// disk, so the event loop may ask. Nil for anything else.
    func publishedFile(path: Substring) -> PreparedFile? {
        let key = String(path)
        return content.withLock { $0.byPath[key] }
    }

    /// The file to send for `name`: from the snapshot, else read now if it appeared since (an
    /// administrator's `robots.txt`), else nil.
    func file(_ name: String) -> PreparedFile? {
        let now = current
        if let file = now.byPath["/" + name] { return file }
        guard let file = try? OutputSnapshot.read(name, directory: now.directory, outputFiles: now.outputFiles) else { return nil }
        return PreparedFile(file, cacheSeconds: now.cacheSeconds)
    }
}
