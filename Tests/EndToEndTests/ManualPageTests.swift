import FeeddTestSupport
import Foundation
import Testing

/// The manual pages `feedd manual` renders: groff and man read them without a warning, feedd(1) shows every
/// option of every command that `--experimental-dump-help` declares, feedd.toml(5) every key the bundled
/// configuration lists (which ConfigurationDocumentationTests holds to the schema), and its example is valid.
@Suite struct ManualPageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// A page as `feedd manual` prints it, written to a file for groff and man.
    static func page(_ name: String, in directory: TemporaryDirectory) throws -> String {
        let result = try FeeddProcess.run(["manual", name, "--date", "2026-01-31"], in: directory.path)
        try #require(result.status == 0, "feedd manual \(name): \(result.stderr)")
        directory.write(name, result.stdout)
        return directory.file(name)
    }

    /// The page as man shows it, wide enough that no line wraps inside an option name.
    static func rendered(_ path: String) throws -> String {
        let result = try ToolProcess.run("/usr/bin/env", ["MANWIDTH=200", "man", "-l", path])
        try #require(result.status == 0, "\(result.output)")
        return result.output
    }

    @Test(.enabled(if: Tools.exists("groff") && Tools.exists("man"), "groff and man are not installed (apt-get install groff-base man-db)"),
          arguments: ["feedd.1", "feedd.toml.5"])
    func groffAndManReadThePageWithoutAWarning(name: String) throws {
        let directory = TemporaryDirectory()
        let path = try Self.page(name, in: directory)
        let groff = try ToolProcess.run("/usr/bin/env", ["groff", "-ww", "-z", "-mandoc", path])
        #expect(groff.status == 0 && groff.output.isEmpty, "groff -ww: \(groff.output)")
        // What lintian runs on every manual page.
        let man = try ToolProcess.run("/bin/sh", ["-c", "LC_ALL=C.UTF-8 man --warnings -E UTF-8 -l -Tutf8 -Z \"$1\" >/dev/null", "sh", path])
        #expect(man.status == 0 && man.output.isEmpty, "man --warnings: \(man.output)")
    }

    @Test(.enabled(if: Tools.exists("man"), "man is not installed (apt-get install man-db)"))
    func feeddPageShowsEveryOptionOfEveryCommand() throws {
        let directory = TemporaryDirectory()
        let text = try Self.rendered(try Self.page("feedd.1", in: directory))
        let dump = try FeeddProcess.run(["--experimental-dump-help"], in: directory.path)
        let tool = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let root = try #require(tool["command"] as? [String: Any])
        let commands = ((root["subcommands"] as? [[String: Any]]) ?? []).filter {
            $0["shouldDisplay"] as? Bool != false && $0["commandName"] as? String != "help"
        }
        try #require(commands.count >= 5, "the dump lists the commands")

        let items = ManualText.items(of: text)
        let common = items["COMMON OPTIONS"] ?? []
        #expect(common.contains("--config") && common.contains("--help"), "COMMON OPTIONS: \(common)")
        for command in commands {
            let name = try #require(command["commandName"] as? String)
            let subsection = try #require(items.keys.first { $0.hasPrefix("feedd \(name)") }, "no subsection for feedd \(name)")
            let shown = Set(items[subsection] ?? []).union(common)
            for argument in (command["arguments"] as? [[String: Any]]) ?? [] where argument["shouldDisplay"] as? Bool != false {
                let names = ((argument["names"] as? [[String: Any]]) ?? []).map { name in
                    (name["kind"] as? String == "long" ? "--" : "-") + (name["name"] as? String ?? "")
                }
                for spelled in names.isEmpty ? [argument["valueName"] as? String ?? "?"] : names {
                    #expect(shown.contains(spelled), "feedd \(name): \(spelled) is not in the page")
                }
            }
            #expect(text.contains("feedd \(name)"), "SYNOPSIS names feedd \(name)")
        }
        for section in ["SYNOPSIS", "DESCRIPTION", "COMMANDS", "FILES", "SIGNALS", "EXIT STATUS", "EXAMPLES", "SEE ALSO"] {
            #expect(text.contains("\n\(section)\n"), "section \(section)")
        }
        for status in ["0", "1", "64", "65", "66", "69", "74", "75", "78"] {
            #expect(items["EXIT STATUS"]?.contains(status) == true, "exit status \(status)")
        }
    }

    @Test(.enabled(if: Tools.exists("man"), "man is not installed (apt-get install man-db)"))
    func configurationPageShowsEveryKeyWithItsType() throws {
        let directory = TemporaryDirectory()
        let path = try Self.page("feedd.toml.5", in: directory)
        let text = try Self.rendered(path)
        var shown: [String] = []
        for (subsection, keys) in ManualText.items(of: text) where subsection.hasPrefix("[") {
            let table = subsection.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            shown += keys.map { "\(table).\($0)" }
        }
        #expect(shown.sorted() == Self.bundledKeys().sorted())
        // Each key's text opens with its type.
        let source = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        for (index, line) in source.enumerated() where line.hasPrefix(".It Cm ") {
            let next = index + 1 < source.count ? source[index + 1] : ""
            #expect(["String", "Integer from", "Boolean", "Inline table"].contains { next.hasPrefix($0) }, "\(line): \(next)")
        }
    }

    @Test(.enabled(if: Tools.exists("man"), "man is not installed (apt-get install man-db)"))
    func configurationPageExampleIsValid() throws {
        let directory = TemporaryDirectory()
        let text = try Self.rendered(try Self.page("feedd.toml.5", in: directory))
        let example = try #require(ManualText.section("EXAMPLES", of: text)).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.hasPrefix("           ") || $0.isEmpty }.map { $0.trimmingCharacters(in: .whitespaces) }
        try #require(example.contains("[[source]]"), "\(example)")
        directory.write("example.toml", example.joined(separator: "\n"))
        let check = try FeeddProcess.run(["check", "--config", directory.file("example.toml")], in: directory.path)
        #expect(check.status == 0, "\(check.stderr)")
    }

    /// `section.key` for every key of the bundled configuration, commented or not (its sample sources aside).
    static func bundledKeys() -> [String] {
        let text = (try? String(contentsOfFile: root + "/config/feedd.toml", encoding: .utf8)) ?? ""
        var section = "", seenSource = false, keys: [String] = []
        for raw in text.split(separator: "\n") {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[[source]]") {
                if seenSource { break }
                (seenSource, section) = (true, "source")
                continue
            }
            if line.hasPrefix("["), line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast())
                continue
            }
            if line.hasPrefix("#") {
                line = line.dropFirst().trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("[[source]]") { break }
                if line.hasPrefix("[[output]]") {
                    section = "output"
                    continue
                }
            }
            guard let equals = line.range(of: " = ") else { continue }
            let key = line[..<equals.lowerBound]
            if !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "_" }) { keys.append("\(section).\(key)") }
        }
        return keys
    }
}

/// Reading a page as man renders it (`MANWIDTH=200`, no formatting): sections start in column 0,
/// subsections in column 3, list items in column 5.
enum ManualText {
    /// The text of one section, without its heading.
    static func section(_ name: String, of text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0 == name }) else { return nil }
        let body = lines[(start + 1)...].prefix { $0.isEmpty || $0.hasPrefix(" ") }
        return body.joined(separator: "\n")
    }

    /// For each subsection (else section) the words its list items are tagged with: `-h, --help` gives
    /// `-h` and `--help`; `--config file` gives `--config`.
    static func items(of text: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        var heading = ""
        for line in text.split(separator: "\n") {
            if !line.hasPrefix(" ") {
                heading = String(line)
            } else if line.hasPrefix("   "), !line.hasPrefix("    ") {
                heading = line.trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("     "), !line.hasPrefix("      ") {
                let tag = line.dropFirst(5).components(separatedBy: "  ")[0]
                let words = tag.components(separatedBy: ", ").compactMap { $0.split(separator: " ").first.map(String.init) }
                result[heading, default: []] += words
            }
        }
        return result
    }
}

/// Whether a program is on the PATH.
enum Tools {
    static func exists(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }
}
