import FeedDaemon
import Foundation
import Testing
@testable import FeedCore

/// Each fixture `<name>.xml` (or `.json`) is parsed and its InspectReport JSON compared with `<name>.expected` beside it.
@Suite("Feed fixtures")
struct FeedFixtureTests {
    static let documentBase = "http://fixtures.example/feeds/"

    /// The report a fixture produces: the JSON, or `error: …` when the document is refused.
    static func report(for name: String) throws -> String {
        let bytes = try FixturePaths.bytes(name)
        do {
            let feed = try FeedParser().parse(bytes, documentURL: documentBase + name, httpCharset: nil)
            return InspectReport.json(feed)
        } catch {
            return "error: \(error)\n"
        }
    }

    @Test("fixture matches its .expected file", arguments: FixturePaths.feedFiles())
    func fixture(name: String) throws {
        let actual = try Self.report(for: name)
        let expectedURL = FixturePaths.expectedURL(for: name)
        if FixturePaths.recording {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            Issue.record("recorded \(expectedURL.lastPathComponent); run again without FEEDD_RECORD")
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "\(name): rerun with FEEDD_RECORD=1 and review the diff")
    }

    @Test("there is a fixture for every format")
    func everyFormat() {
        let names = Set(FixturePaths.feedFiles())
        for format in ["rss090", "rss091", "rss092", "rss093", "rss094", "rss20", "rss10", "atom03", "atom10"] {
            #expect(names.contains(format + ".xml"))
        }
        #expect(names.contains("json10.json") && names.contains("json11.json"))
    }
}
