import FeeddTestSupport
import Foundation
import Testing

/// How closely feedd reads feeds as Python feedparser 6 does (issue 12), measured, not assumed:
/// `Tests/Tools/differential.py` runs the real `feedd inspect --json` and `feedparser.parse` on every
/// fixture in `Tests/Fixtures/feeds` and on 200 generated feeds (RSS 0.91/0.92/1.0/2.0, Atom 0.3/1.0, a
/// fixed seed), compares every field after one normalisation for both sides, and fails when fewer than
/// 98% of the fields that either side has agree. The differences kept on purpose are in the README.
/// Needs python3 with feedparser and html5lib (`.ci/run` installs them); without them the test fails.
@Suite struct FeedparserDifferentialTests {
    static let script = OnceEndToEndTests.packageRoot + "/Tests/Tools/differential.py"
    static let generated = 200
    static let seed = 12

    @Test func feeddAgreesWithFeedparserOnAtLeast98PercentOfFields() async throws {
        let probe = try await Self.python(["-c", "import feedparser, html5lib; print(feedparser.__version__)"])
        try #require(probe.status == 0, """
            the differential test needs python3 with feedparser and html5lib \
            (python3 -m pip install feedparser html5lib, as .ci/run does):
            \(probe.output)
            """)
        try #require(FileManager.default.isExecutableFile(atPath: FeeddProcess.binary), "no feedd binary at \(FeeddProcess.binary)")

        let dir = TemporaryDirectory()
        let figures = dir.file("figures.json")
        let run = try await Self.python([
            Self.script, FeeddProcess.binary, "--generated", "\(Self.generated)", "--seed", "\(Self.seed)",
            "--min-agreement", "0.98", "--show-differences", "40", "--json", figures,
        ])
        #expect(run.status == 0, "feedd and feedparser \(probe.output.trimmingCharacters(in: .whitespacesAndNewlines)) agree on too few fields:\n\(run.output)")

        // The figures must come from a real comparison: every generated feed and the fixtures read, and
        // thousands of fields compared, so a harness that silently compares nothing cannot pass.
        let data = try Data(contentsOf: URL(fileURLWithPath: figures))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(run.output)")
        let files = try #require(object["files"] as? Int)
        let overall = try #require(object["overall"] as? [String: Any])
        let compared = try #require(overall["compared"] as? Int)
        #expect(files >= Self.generated + 25, "only \(files) feeds compared:\n\(run.output)")
        #expect(compared >= 5000, "only \(compared) fields compared:\n\(run.output)")
    }

    /// Runs `python3 arguments…`, standard error merged into the output.
    static func python(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await offThePool { try pythonBlocking(arguments) }
    }

    static func pythonBlocking(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try ToolProcess.python(arguments, in: OnceEndToEndTests.packageRoot)
    }
}
