import Foundation
import Testing
import FeedCore

/// Throughput over a generated corpus, run by hand in a release build:
/// `FEEDD_BENCH_DIR=/tmp/f50 swift test -c release --filter ThroughputBenchmark`.
@Suite("Throughput benchmark")
struct ThroughputBenchmark {
    static let directory = ProcessInfo.processInfo.environment["FEEDD_BENCH_DIR"]

    @Test("parse every .xml file under FEEDD_BENCH_DIR", .enabled(if: directory != nil))
    func corpus() throws {
        let root = URL(fileURLWithPath: try #require(Self.directory))
        let files = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".xml") && !$0.hasPrefix("wild/") }.sorted()  // xmllint stops early on broken files
        let documents = try files.map { Array(try Data(contentsOf: root.appendingPathComponent($0))) }
        let parser = FeedParser(options: FeedParserOptions(maxBytes: 1 << 30))  // the large files exceed the 16 MiB default
        var best = Duration.seconds(1_000)
        var entries = 0
        for _ in 0..<3 {
            entries = 0
            let elapsed = ContinuousClock().measure {
                for bytes in documents {
                    entries += (try? parser.parse(bytes, documentURL: "http://bench.example/", httpCharset: nil))?.entries.count ?? 0
                }
            }
            best = min(best, elapsed)
        }
        let bytes = documents.reduce(0) { $0 + $1.count }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        print("BENCH files=\(files.count) bytes=\(bytes) entries=\(entries) best=\(seconds)s MB/s=\(Double(bytes) / seconds / 1e6)")
        #expect(entries > 0)
    }
}
