import FeedDaemon
import Foundation
import Testing
@testable import FeedCore

/// libxml2 pointers never leave a parse call, so parses run side by side from a task group.
@Suite("Parallel parsing")
struct ParallelParsingTests {
    @Test("every fixture parsed concurrently gives the same report as alone")
    func concurrentFixtures() async throws {
        let names = FixturePaths.feedFiles()
        let inputs = try names.map { ($0, try FixturePaths.bytes($0)) }
        let alone = try Dictionary(uniqueKeysWithValues: names.map { ($0, try FeedFixtureTests.report(for: $0)) })
        let together = await withTaskGroup(of: (String, String).self) { group in
            for round in 0..<4 {
                for (name, bytes) in inputs {
                    group.addTask { @Sendable () -> (String, String) in
                        let report: String
                        do {
                            let feed = try FeedParser().parse(bytes, documentURL: FeedFixtureTests.documentBase + name, httpCharset: nil)
                            report = InspectReport.json(feed)
                        } catch {
                            report = "error: \(error)\n"
                        }
                        return (round == 0 ? name : "\(name)#\(round)", report)
                    }
                }
            }
            var results: [(String, String)] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(together.count == names.count * 4)
        for (key, report) in together {
            let name = String(key.split(separator: "#").first!)
            #expect(report == alone[name], "\(key)")
        }
    }
}
