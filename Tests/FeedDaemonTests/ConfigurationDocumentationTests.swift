@testable import FeedDaemon
import Foundation
import Testing

/// The README's table and the bundled `config/feedd.toml` list exactly the keys `ConfigurationSchema`
/// declares (FEEDD_RECORD=1 rewrites the README's table).
@Suite struct ConfigurationDocumentationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let begin = "<!-- configuration keys: generated from ConfigurationSchema (FEEDD_RECORD=1 swift test --filter ConfigurationDocumentationTests) -->\n"
    static let end = "\n<!-- end of configuration keys -->"

    @Test func theReadmeTableIsTheSchemas() throws {
        let path = Self.root + "/README.md"
        let readme = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(readme.range(of: Self.begin)), stop = try #require(readme.range(of: Self.end))
        let table = String(readme[start.upperBound..<stop.lowerBound])
        if ProcessInfo.processInfo.environment["FEEDD_RECORD"] == "1", table != ConfigurationSchema.markdownTable {
            let updated = readme.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: ConfigurationSchema.markdownTable)
            try updated.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("README.md's configuration table was rewritten; run the test again")
            return
        }
        #expect(table == ConfigurationSchema.markdownTable)
    }

    /// `section.key` for every `key =` or `# key =` line of the bundled file, its sections taken from
    /// `[section]` and `[[source]]` headers (the commented example sources at the end aside).
    @Test func theBundledConfigurationListsEveryKeyOnce() throws {
        let text = try String(contentsOfFile: Self.root + "/config/feedd.toml", encoding: .utf8)
        var section = "", seenSource = false, keys: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[[source]]") {
                if seenSource { break }
                seenSource = true
                section = "source"
                continue
            }
            if line.hasPrefix("["), line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast())
                continue
            }
            if line.hasPrefix("#") {
                line = line.dropFirst().trimmingCharacters(in: .whitespaces)
                // The commented examples of further sources come last.
                if line.hasPrefix("[[source]]") { break }
                if line.hasPrefix("[[output]]") {
                    section = "output"
                    continue
                }
            }
            guard let equals = line.range(of: " = ") else { continue }
            let key = line[..<equals.lowerBound]
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "_" }) else { continue }
            keys.append("\(section).\(key)")
        }
        #expect(keys.sorted() == ConfigurationSchema.dottedKeys.sorted())
        #expect(Set(keys).count == keys.count, "a key is listed twice")
    }
}
