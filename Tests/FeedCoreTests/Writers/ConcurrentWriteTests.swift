import FeedCore
import Testing

/// Writers hold libxml2 handles only inside one call, so parallel writes must not disturb each other.
@Suite struct ConcurrentWriteTests {
    @Test func parallelWritesGiveTheSameBytes() async {
        let s = WriterSamples.self
        let expected = AtomWriter.write(feed: s.feed, entries: s.entries, emptyFeedUpdated: s.emptyFeedUpdated)
        let results = await withTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<32 {
                group.addTask { @Sendable () -> [UInt8] in
                    AtomWriter.write(feed: s.feed, entries: s.entries, emptyFeedUpdated: s.emptyFeedUpdated)
                }
            }
            var all: [[UInt8]] = []
            for await bytes in group { all.append(bytes) }
            return all
        }
        #expect(results.count == 32)
        #expect(results.allSatisfy { $0 == expected })
    }
}
