import FeedCore
import FeedIO
import Foundation
import TOMLKit

/// Reads `feedd.toml` into a `Configuration`, refusing unknown keys and wrong types with the key's name.
///
/// Relative paths in the file are resolved against the file's own directory, so cron and systemd runs
/// do not depend on the working directory.
public enum ConfigurationLoader {
    /// The largest configuration file read.
    static let maxFileSize = 1 << 20

    /// Loads and validates the file at `path`.
    public static func load(path: String) throws(ConfigurationError) -> Configuration {
        let absolute = FilePath.resolve(path, against: FileManager.default.currentDirectoryPath)
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(absolute, limit: maxFileSize)
        } catch {
            throw ConfigurationError(file: path, key: nil, message: "cannot be read: \(error.reason)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigurationError(file: path, key: nil, message: "is not valid UTF-8")
        }
        return try parse(text, file: path, baseDirectory: FilePath.directory(of: absolute))
    }

    /// Parses configuration text; `file` names it in errors, `baseDirectory` anchors relative paths.
    public static func parse(_ text: String, file: String, baseDirectory: String) throws(ConfigurationError) -> Configuration {
        if let problem = TOMLPrecheck.firstProblem(in: text) {
            throw ConfigurationError(file: file, key: nil, message: "line \(problem.line), column \(problem.column): \(problem.message)")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(
                file: file, key: nil,
                message: "line \(error.source.begin.line), column \(error.source.begin.column): \(error.description)"
            )
        } catch {
            throw ConfigurationError(file: file, key: nil, message: "is not valid TOML: \(error)")
        }
        let reader = TOMLReader(file: file, table: table, prefix: "")
        var config = Configuration.defaults(baseDirectory: baseDirectory)
        config.file = file
        let context = ConfigurationSchema.Context(baseDirectory: baseDirectory)
        try reader.checkKeys(allowed: Set(ConfigurationSchema.sections.map(\.name) + ["source", "output"]))
        for section in ConfigurationSchema.sections {
            guard let table = try reader.table(section.name) else { continue }
            try table.checkKeys(allowed: Set(section.keys.map(\.name)))
            for key in section.keys { try key.read(table, &config, context) }
        }
        let names = config.feed.files.all
        if Set(names).count != names.count {
            throw ConfigurationError(
                file: file, key: "feed.atom_file",
                message: "the output file names must differ (index.html and feed.xsl are taken by the page); found \(names)"
            )
        }
        for (index, source) in try reader.tableArray("source").enumerated() {
            config.sources.append(try readSource(source, index: index, context: context))
        }
        var seen: [String: Int] = [:]
        for (index, source) in config.sources.enumerated() {
            if let first = seen[source.url] {
                throw ConfigurationError(
                    file: file, key: "source[\(index)].url",
                    message: "the same feed as source[\(first)] (\"\(source.url)\"); list each feed once"
                )
            }
            seen[source.url] = index
        }
        var taken = Set(names)
        for table in try reader.tableArray("output") {
            let output = try readOutput(table)
            let topic = output.topic(config.feed)
            if let clash = topic.files.first(where: taken.contains) {
                throw table.error("name", "\"\(output.name)\" gives \(clash), which another output already writes; pick another name")
            }
            taken.formUnion(topic.files)
            config.outputs.append(output)
        }
        return config
    }

    static func readOutput(_ t: TOMLReader) throws(ConfigurationError) -> OutputSettings {
        try t.checkKeys(allowed: Set(ConfigurationSchema.outputKeys.map(\.name)))
        guard let name = try t.string("name", nonEmpty: true) else {
            throw t.error("name", "missing; every [[output]] needs a name for its files, like \"local\"")
        }
        guard OutputSettings.isValidName(name) else {
            throw t.error("name", "expected letters, digits, - and _ (at most 64, starting with a letter or digit); found \"\(name)\"")
        }
        var output = OutputSettings(name: name)
        for key in ConfigurationSchema.outputKeys { try key.read(t, &output) }
        guard output.selects else {
            throw t.error("name", "selects every entry; give categories, sources, languages, include or exclude (the merged feed already has them all)")
        }
        return output
    }

    static func readSource(_ t: TOMLReader, index: Int, context: ConfigurationSchema.Context) throws(ConfigurationError) -> SourceSettings {
        try t.checkKeys(allowed: Set(ConfigurationSchema.sourceKeys.map(\.name)))
        guard let rawURL = try t.string("url", nonEmpty: true) else {
            throw t.error("url", "missing; every [[source]] needs the feed's URL or path")
        }
        guard let url = SourceLocation.normalize(rawURL, baseDirectory: context.baseDirectory) else {
            throw t.error("url", "expected an http://, https:// or file:// URL, or a path; found \"\(rawURL)\"")
        }
        var source = SourceSettings(name: SourceLocation.defaultName(url), url: url)
        for key in ConfigurationSchema.sourceKeys { try key.read(t, &source, context) }
        if source.access.username != nil, source.access.passwordFile == nil {
            throw t.error("password_file", "missing; username needs the file holding its password")
        }
        if source.access.passwordFile != nil, source.access.username == nil {
            throw t.error("username", "missing; password_file is the password of a username")
        }
        if source.access.username != nil, source.access.headers.contains(where: { $0.name.lowercased() == "authorization" }) {
            throw t.error("headers", "an Authorization header and a username both set the credentials; keep one")
        }
        if source.access != SourceAccess(), SourceLocation.filePath(url) != nil {
            throw t.error("url", "headers, credentials, user_agent and http_proxy apply to http(s) sources; this one is a file")
        }
        return source
    }
}
