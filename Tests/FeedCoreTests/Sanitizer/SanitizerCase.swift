import Foundation
import Testing

/// One named case of a `.cases` fixture file under `Tests/Fixtures/sanitizer/`.
///
/// File format (diff-friendly, one file per theme):
/// ```
/// === case-name base=https://example.org/dir/ iframes=www.youtube.com,player.vimeo.com data=off
/// input HTML, any number of lines
/// ---
/// expected output, any number of lines
/// ```
/// Lines starting with `#` before the first case are comments. Header options are optional.
struct SanitizerCase: Sendable, CustomTestStringConvertible {
    var file: String
    var name: String
    var input: String
    var expected: String
    var baseURL: String?
    var iframeHosts: Set<String> = []
    var allowDataImages = true

    var testDescription: String { "\(file): \(name)" }

    /// The package root, found from this source file.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    static let directory = packageRoot.appendingPathComponent("Tests/Fixtures/sanitizer")

    /// Every case of `file` (a name in the fixture directory).
    static func load(_ file: String) -> [SanitizerCase] {
        let url = directory.appendingPathComponent(file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            return [SanitizerCase(file: file, name: "unreadable fixture", input: "", expected: "\u{0}missing")]
        }
        var cases: [SanitizerCase] = []
        var current: SanitizerCase?
        var inExpected = false
        var input: [Substring] = []
        var expected: [Substring] = []
        func finish() {
            guard var done = current else { return }
            done.input = input.joined(separator: "\n")
            done.expected = expected.joined(separator: "\n")
            cases.append(done)
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("=== ") {
                finish()
                current = header(line.dropFirst(4), file: file)
                inExpected = false
                input = []
                expected = []
            } else if current == nil {
                continue
            } else if line == "---" && !inExpected {
                inExpected = true
            } else if inExpected {
                expected.append(line)
            } else {
                input.append(line)
            }
        }
        finish()
        // A trailing empty line ends the file, not the last expected output.
        if var last = cases.popLast() {
            while last.expected.hasSuffix("\n") { last.expected.removeLast() }
            cases.append(last)
        }
        return cases
    }

    /// The comment lines before the first case, each with its newline.
    static func preamble(of file: String) -> String {
        let url = directory.appendingPathComponent(file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.hasPrefix("=== ") }
            .map { $0 + "\n" }
            .joined()
    }

    private static func header(_ text: Substring, file: String) -> SanitizerCase {
        let words = text.split(separator: " ")
        var result = SanitizerCase(file: file, name: String(words.first ?? ""), input: "", expected: "")
        for option in words.dropFirst() {
            let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "base": result.baseURL = parts[1]
            case "iframes": result.iframeHosts = Set(parts[1].split(separator: ",").map(String.init))
            case "data": result.allowDataImages = parts[1] != "off"
            default: result.name += " [unknown option \(parts[0])]"
            }
        }
        return result
    }
}
