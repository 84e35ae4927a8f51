import FeeddFuzzTargets
import Foundation
import Testing

/// Every fuzz seed and every input a fuzzer ever found (`fuzz/findings/TARGET/`) goes through its target
/// again: a fixed crash or broken invariant stays fixed.
@Suite struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func files(_ directory: String) -> [String] {
        let path = root + "/" + directory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
    }

    @Test(arguments: FuzzTarget.allCases)
    func seedsAndFindingsStillPass(target: FuzzTarget) throws {
        let inputs = Self.files("fuzz/seeds/\(target.rawValue)") + Self.files("fuzz/findings/\(target.rawValue)")
        for path in inputs {
            target.run(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        // Every target has seeds of its own or fixtures (feed, article, sanitizer use Tests/Fixtures).
        let fixtures = ["feed": "Tests/Fixtures/feeds", "article": "Tests/Fixtures/articles", "sanitizer": "Tests/Fixtures/sanitizer"]
        let seeded = fixtures[target.rawValue].map { Self.files($0) } ?? []
        for path in seeded where !path.hasSuffix(".expected") && !path.hasSuffix(".py") {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            target.run(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        #expect(!inputs.isEmpty || !seeded.isEmpty, "no input for \(target.rawValue)")
    }
}
