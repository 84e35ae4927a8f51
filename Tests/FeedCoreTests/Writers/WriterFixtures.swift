import Foundation
import Testing

/// Locates fixture files and compares writer output with golden files.
enum WriterFixtures {
    /// The package root, found by walking up from this source file to `Package.swift`.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }()

    static let atomSchema = packageRoot.appendingPathComponent("Tests/Fixtures/schemas/atom.rng").path

    static func golden(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures/golden").appendingPathComponent(name)
    }

    /// Compares the bytes with `Tests/Fixtures/golden/<name>`; with `FEEDD_RECORD=1` rewrites the file and fails.
    static func assertGolden(_ bytes: [UInt8], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = golden(name)
        if ProcessInfo.processInfo.environment["FEEDD_RECORD"] == "1" {
            try Data(bytes).write(to: url)
            Issue.record("Recorded \(url.path); run again without FEEDD_RECORD to compare.", sourceLocation: sourceLocation)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("Missing golden file \(url.path); run with FEEDD_RECORD=1 to create it.", sourceLocation: sourceLocation)
            return
        }
        let actual = String(decoding: bytes, as: UTF8.self)
        #expect(actual == String(decoding: expected, as: UTF8.self), "differs from \(name)", sourceLocation: sourceLocation)
    }
}
