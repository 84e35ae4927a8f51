/// How far a pass has gone: files read (and stored) out of those to read, sources polled out of those due.
/// A value updated with `PassEvent`s stamped with the time since the pass began.
public struct PassProgress: Sendable, Hashable {
    /// A pass shows progress only when it reads more files than this…
    public static let fileThreshold = 300
    /// …or polls more sources than this: shorter passes end before a line would help.
    public static let sourceThreshold = 3

    public var filesRead = 0
    public var filesToRead = 0
    public var sourcesPolled = 0
    public var sourcesDue = 0
    /// When the ingest announced its files, and when the last one was stored (for the rate).
    public var readingStarted: Duration?
    public var lastRead: Duration?
    public var finished = false

    public init() {}

    /// Takes in `event`, which happened `elapsed` after the pass began.
    public mutating func apply(_ event: PassEvent, at elapsed: Duration) {
        switch event {
        case let .reading(files):
            filesToRead += files
            if readingStarted == nil { readingStarted = elapsed }
        case let .read(files):
            filesRead += files
            lastRead = elapsed
        case let .polling(sources):
            sourcesDue += sources
        case .polled:
            sourcesPolled += 1
        case .finished:
            finished = true
        }
    }

    /// Whether the pass is long enough to be worth a progress line.
    public var isWorthShowing: Bool {
        filesToRead > Self.fileThreshold || sourcesDue > Self.sourceThreshold
    }

    /// Files read per second while the ingest read them; nil before a measurable time has passed.
    public var filesPerSecond: Double? {
        guard let readingStarted, let lastRead, filesRead > 0 else { return nil }
        let seconds = Self.seconds(lastRead - readingStarted)
        return seconds >= 0.001 ? Double(filesRead) / seconds : nil
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
