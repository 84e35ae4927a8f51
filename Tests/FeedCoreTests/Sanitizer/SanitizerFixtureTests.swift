import FeedCore
import Foundation
import Testing

/// Runs every `.cases` fixture: the sanitiser's output must equal the expected text exactly.
@Suite struct SanitizerFixtureTests {
    static let files = ["hostile.cases", "urls.cases", "structure.cases"]
    static let cases = files.flatMap(SanitizerCase.load)

    @Test(arguments: cases)
    func sanitizes(_ fixture: SanitizerCase) {
        let sanitizer = HTMLSanitizer(
            policy: SanitizerPolicy(allowedIframeHosts: fixture.iframeHosts, allowDataImages: fixture.allowDataImages))
        let output = sanitizer.sanitize(fixture.input, baseURL: fixture.baseURL)
        #expect(output == fixture.expected, "\(fixture.testDescription)")
    }

    @Test(arguments: files)
    func fixtureFileHasCases(_ file: String) {
        let loaded = SanitizerCase.load(file)
        #expect(loaded.count >= 5)
        #expect(Set(loaded.map(\.name)).count == loaded.count, "case names are unique")
    }
}

extension SanitizerFixtureTests {
    /// With `FEEDD_RECORD_SANITIZER=<dir>`, writes each fixture file with the actual outputs into
    /// that directory for review (never over the fixtures), and fails so that recording is not a pass.
    @Test func recordsWhenAsked() throws {
        guard let directory = ProcessInfo.processInfo.environment["FEEDD_RECORD_SANITIZER"] else { return }
        for file in Self.files {
            var text = SanitizerCase.preamble(of: file)
            for fixture in SanitizerCase.load(file) {
                let sanitizer = HTMLSanitizer(
                    policy: SanitizerPolicy(allowedIframeHosts: fixture.iframeHosts, allowDataImages: fixture.allowDataImages))
                var header = "=== " + fixture.name
                if let base = fixture.baseURL { header += " base=" + base }
                if !fixture.iframeHosts.isEmpty { header += " iframes=" + fixture.iframeHosts.sorted().joined(separator: ",") }
                if !fixture.allowDataImages { header += " data=off" }
                text += header + "\n" + fixture.input + "\n---\n" + sanitizer.sanitize(fixture.input, baseURL: fixture.baseURL) + "\n"
            }
            try text.write(toFile: directory + "/" + file, atomically: true, encoding: .utf8)
        }
        Issue.record("recorded into \(directory): review, then copy over Tests/Fixtures/sanitizer/")
    }
}
