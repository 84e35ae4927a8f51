import Foundation
import Testing
@testable import FeedCore

/// Runs the shared generator's broken feeds (`gen_feeds.py --wild 12`) and checks entry counts against
/// its manifest. Skipped when python3 or the generator is not on this machine.
@Suite("Wild corpus")
struct WildCorpusTests {
    /// `shared/` sits beside the package root (a worktree, main, or CI's clone), else at /work/shared.
    static let generator = [
        FixturePaths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/bench/gen_feeds.py").path,
        "/work/shared/bench/gen_feeds.py",
    ].first { FileManager.default.fileExists(atPath: $0) } ?? "/work/shared/bench/gen_feeds.py"

    static var python3: String? {
        ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var available: Bool { python3 != nil && FileManager.default.fileExists(atPath: generator) }

    @Test("generated wild feeds parse with the manifest's entry counts", .enabled(if: available))
    func wildFeeds() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("feedd-wild-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python3))
        process.arguments = [Self.generator, "0", directory.path, "--large", "0", "--wild", "12"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let manifest = try String(contentsOf: directory.appendingPathComponent("manifest.tsv"), encoding: .utf8)
        let rows = manifest.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.count == 12)
        for row in rows {
            let file = String(row[0]), expected = Int(row[3]) ?? -1, notes = row.count > 4 ? String(row[4]) : ""
            let bytes = Array(try Data(contentsOf: directory.appendingPathComponent(file)))
            let feed = try FeedParser().parse(bytes, documentURL: "http://wild.example/" + file, httpCharset: nil)
            if notes.contains("truncated") {
                // A cut file keeps every entry before the cut, and at most one partial entry.
                #expect(feed.entries.count <= expected && feed.entries.count >= 1, "\(file)")
                #expect(feed.bozo, "\(file)")
            } else {
                #expect(feed.entries.count == expected, "\(file): \(feed.entries.count) entries, manifest says \(expected)")
            }
            #expect(Set(feed.entries.map(\.id)).count == feed.entries.count, "\(file): ids are unique")
            #expect(feed.entries.allSatisfy { $0.title != nil }, "\(file): every entry keeps its title")
        }
    }
}
