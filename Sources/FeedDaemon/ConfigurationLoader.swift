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
        let absolute = FilePath.resolve(path, against: FilePathResolver.currentDirectory)
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
        try reader.checkKeys(allowed: ["feed", "paths", "articles"])

        if let feed = try reader.table("feed") {
            try feed.checkKeys(allowed: [
                "title", "subtitle", "id", "tag_authority", "site_url", "base_url", "language", "author_name",
                "author_email", "author_uri", "max_entries", "max_age_days", "atom_file", "rss_file", "opml_file",
                "json_file",
            ])
            var settings = config.feed
            settings.title = try feed.string("title", nonEmpty: true) ?? settings.title
            settings.subtitle = try feed.string("subtitle") ?? settings.subtitle
            settings.id = try feed.string("id", nonEmpty: true) ?? settings.id
            if let authority = try feed.string("tag_authority") {
                guard ConfigurationValues.isTagAuthority(authority) else {
                    throw feed.error("tag_authority", "expected a domain or email and a date, like \"example.org,2026\" (RFC 4151); found \"\(authority)\"")
                }
                settings.tagAuthority = authority
            }
            settings.siteURL = try feed.url("site_url") ?? settings.siteURL
            settings.baseURL = try feed.url("base_url") ?? settings.baseURL
            if let language = try feed.string("language") {
                guard ConfigurationValues.isLanguageTag(language) else {
                    throw feed.error("language", "expected a language tag like \"en\" or \"fr-CA\"; found \"\(language)\"")
                }
                settings.language = language
            }
            settings.authorName = try feed.string("author_name", nonEmpty: true) ?? settings.authorName
            settings.authorEmail = try feed.string("author_email") ?? settings.authorEmail
            settings.authorURI = try feed.url("author_uri") ?? settings.authorURI
            settings.maxEntries = try feed.integer("max_entries", in: 1...100_000) ?? settings.maxEntries
            settings.maxAgeDays = try feed.integer("max_age_days", in: 0...36_500) ?? settings.maxAgeDays
            settings.files.atom = try feed.fileName("atom_file") ?? settings.files.atom
            settings.files.rss = try feed.fileName("rss_file") ?? settings.files.rss
            settings.files.opml = try feed.fileName("opml_file") ?? settings.files.opml
            settings.files.json = try feed.fileName("json_file") ?? settings.files.json
            let names = [settings.files.atom, settings.files.rss, settings.files.opml, settings.files.json]
            if Set(names).count != names.count {
                throw feed.error("atom_file", "the four output file names must differ; found \(names)")
            }
            config.feed = settings
        }

        if let paths = try reader.table("paths") {
            try paths.checkKeys(allowed: ["seeds", "output", "state"])
            if let seeds = try paths.string("seeds", nonEmpty: true) {
                config.paths.seeds = FilePath.resolve(seeds, against: baseDirectory)
            }
            if let output = try paths.string("output", nonEmpty: true) {
                config.paths.output = FilePath.resolve(output, against: baseDirectory)
            }
            if let state = try paths.string("state", nonEmpty: true) {
                config.paths.state = FilePath.resolve(state, against: baseDirectory)
            }
        }

        if let articles = try reader.table("articles") {
            try articles.checkKeys(allowed: ["max_file_size", "on_delete"])
            config.articles.maxFileSize = try articles.integer("max_file_size", in: 1...(256 << 20))
                ?? config.articles.maxFileSize
            if let policy = try articles.string("on_delete") {
                guard let value = DeletePolicy(rawValue: policy) else {
                    throw articles.error("on_delete", "expected \"retract\" or \"keep\"; found \"\(policy)\"")
                }
                config.articles.onDelete = value
            }
        }
        return config
    }
}
