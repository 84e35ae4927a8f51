import FeedCore
import Foundation
import Testing

/// Each file in Tests/Fixtures/articles is parsed and compared with `<case>.expected` beside it.
/// `FEEDD_RECORD=1 swift test --filter ArticleFixtureTests` rewrites the expected files and fails.
@Suite struct ArticleFixtureTests {
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: ArticleTestSupport.fixtures.path)) ?? []
        return names.filter { ArticleFileName.isCandidate($0) }.sorted()
    }()

    @Test func fixturesArePresent() {
        #expect(Self.cases.count >= 25, "fixtures found: \(Self.cases)")
    }

    @Test(arguments: cases)
    func matchesExpected(_ name: String) throws {
        let file = ArticleTestSupport.fixtures.appendingPathComponent(name)
        let expectedFile = file.deletingPathExtension().appendingPathExtension("expected")
        let actual = ArticleTestSupport.textForm(of: ArticleTestSupport.parse(try ArticleTestSupport.bytes(of: file), fileName: name))
        if ArticleTestSupport.isRecording {
            try actual.write(to: expectedFile, atomically: true, encoding: .utf8)
            Issue.record("recorded \(expectedFile.lastPathComponent); run again without FEEDD_RECORD")
            return
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from \(expectedFile.lastPathComponent)")
    }
}
