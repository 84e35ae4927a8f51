import FeedCore
import FeedDaemon
import FeedIO
import FeeddTestSupport
import Foundation
import Logging
import Synchronization
import Testing

/// The ingest and the poller report to their sink what they do, on real files and a real store.
@Suite struct ProgressReportingTests {
    /// A sink that keeps every event it is told, in order.
    final class Recorder: Sendable {
        let events = Mutex<[PassEvent]>([])
        var sink: ProgressSink { ProgressSink { [self] event in events.withLock { $0.append(event) } } }
        var recorded: [PassEvent] { events.withLock { $0 } }
    }

    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    static func article(_ number: Int) -> String {
        """
        Harbour report number \(number)

        Key Facts

        The harbour office counted \(number) ships this week, and the new quay took its first ferries.

        Source: https://example.com/news/2026/04/02/harbour-\(number)
        """
    }

    /// Every file to read is announced, then counted once, including files that are rejected; a pass that
    /// finds nothing changed reports nothing.
    @Test(arguments: [1, 37, 700])
    func theIngestCountsEachFileItReads(count: Int) async throws {
        let dir = TemporaryDirectory()
        var configuration = Configuration.defaults(baseDirectory: dir.path)
        configuration.feed.tagAuthority = "test.example,2026"
        try FileManager.default.createDirectory(atPath: configuration.paths.seeds, withIntermediateDirectories: true)
        for number in 0..<count {
            let text = number % 10 == 9 ? "" : Self.article(number)
            _ = FileManager.default.createFile(atPath: configuration.paths.seeds + "/\(number).txt", contents: Data(text.utf8))
        }
        let store = try StateStore(directory: configuration.paths.state)
        let recorder = Recorder()
        let report = try await ArticleIngest(configuration: configuration, store: store, logger: Self.logger, progress: recorder.sink)
            .run(now: Date(timeIntervalSince1970: 1_000_000))
        #expect(report.added + report.rejected == count)
        #expect(recorder.recorded.first == .reading(files: count))
        #expect(recorder.recorded.dropFirst() == ArraySlice(repeating: .read(files: 1), count: count))

        let again = Recorder()
        _ = try await ArticleIngest(configuration: configuration, store: store, logger: Self.logger, progress: again.sink)
            .run(now: Date(timeIntervalSince1970: 1_000_100))
        #expect(again.recorded.isEmpty)
    }

    /// The due sources are announced, then each one counted as it is done, failed ones too.
    @Test func thePollerCountsEachDueSource() async throws {
        let dir = TemporaryDirectory()
        var configuration = Configuration.defaults(baseDirectory: dir.path)
        configuration.feed.tagAuthority = "test.example,2026"
        let rss = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://site.example/</link>
            <item><guid>https://site.example/a</guid><title>A</title><link>https://site.example/a</link></item>
            </channel></rss>
            """
        var sources: [SourceSettings] = []
        for number in 0..<5 {
            dir.write("feed\(number).xml", rss)
            sources.append(SourceSettings(name: "feed \(number)", url: "file://" + dir.file("feed\(number).xml")))
        }
        sources.append(SourceSettings(name: "missing", url: "file://" + dir.file("missing.xml")))
        sources.append(SourceSettings(name: "off", url: "file://" + dir.file("feed0.xml") + "?off", enabled: false))
        let store = try StateStore(directory: configuration.paths.state)
        let fetcher = HTTPFetcher(settings: configuration.polling.fetcherSettings)
        let recorder = Recorder()
        let report = try await SourcePoller(
            configuration: configuration, sources: sources, store: store, fetcher: fetcher, logger: Self.logger,
            progress: recorder.sink
        ).pollDue(now: Date(timeIntervalSince1970: 1_000_000), all: false)
        await fetcher.shutdown()
        #expect(report.fetched == 5 && report.failed == 1)
        #expect(recorder.recorded == [.polling(sources: 6)] + Array(repeating: .polled, count: 6))
    }
}
