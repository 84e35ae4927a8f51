/// What a pass tells its progress sink as it goes: the ingest and the poller announce their work, then count it.
public enum PassEvent: Sendable, Hashable {
    /// The ingest is about to read this many article files (new or changed ones).
    case reading(files: Int)
    /// This many more article files were read, parsed and stored.
    case read(files: Int)
    /// The poller is about to poll this many due sources.
    case polling(sources: Int)
    /// One more due source was polled (fetched and stored, or failed).
    case polled
    /// The pass is over: the progress line goes away.
    case finished
}
