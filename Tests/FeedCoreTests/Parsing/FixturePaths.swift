import Foundation

/// Locates `Tests/Fixtures/feeds` from this source file (no SwiftPM resources).
enum FixturePaths {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }()

    static let feeds = packageRoot.appendingPathComponent("Tests/Fixtures/feeds")

    /// Every fixture document (`.xml` or `.json`), sorted by name.
    static func feedFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: feeds.path)) ?? []
        return names.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".json") }.sorted()
    }

    /// `rss20.xml` → `Tests/Fixtures/feeds/rss20.expected`.
    static func expectedURL(for name: String) -> URL {
        feeds.appendingPathComponent((name as NSString).deletingPathExtension + ".expected")
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: feeds.appendingPathComponent(name)))
    }

    /// Set FEEDD_RECORD=1 to rewrite expected files; a recording run fails on purpose.
    static var recording: Bool { ProcessInfo.processInfo.environment["FEEDD_RECORD"] == "1" }
}
