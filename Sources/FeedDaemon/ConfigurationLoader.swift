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
        try reader.checkKeys(allowed: ["feed", "paths", "articles", "polling", "daemon", "source"])

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
            try articles.checkKeys(allowed: ["max_file_size", "on_delete", "follow_symlinks", "allow_empty"])
            config.articles.followSymlinks = try articles.bool("follow_symlinks") ?? config.articles.followSymlinks
            config.articles.allowEmpty = try articles.bool("allow_empty") ?? config.articles.allowEmpty
            config.articles.maxFileSize = try articles.integer("max_file_size", in: 1...(256 << 20))
                ?? config.articles.maxFileSize
            if let policy = try articles.string("on_delete") {
                guard let value = DeletePolicy(rawValue: policy) else {
                    throw articles.error("on_delete", "expected \"retract\" or \"keep\"; found \"\(policy)\"")
                }
                config.articles.onDelete = value
            }
        }
        if let daemon = try reader.table("daemon") {
            try daemon.checkKeys(allowed: ["debounce_ms", "rescan_minutes", "metrics_file"])
            config.daemon.debounceMilliseconds = try daemon.integer("debounce_ms", in: 0...60_000) ?? config.daemon.debounceMilliseconds
            config.daemon.rescanMinutes = try daemon.integer("rescan_minutes", in: 1...1_440) ?? config.daemon.rescanMinutes
            if let metrics = try daemon.string("metrics_file") {
                config.daemon.metricsFile = metrics.isEmpty ? "" : FilePath.resolve(metrics, against: baseDirectory)
            }
        }
        if let polling = try reader.table("polling") {
            config.polling = try readPolling(polling, baseDirectory: baseDirectory)
        }
        for (index, source) in try reader.tableArray("source").enumerated() {
            config.sources.append(try readSource(source, index: index, baseDirectory: baseDirectory))
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
        return config
    }

    static func readPolling(_ t: TOMLReader, baseDirectory: String) throws(ConfigurationError) -> PollingSettings {
        try t.checkKeys(allowed: [
            "interval_minutes", "max_concurrent", "max_per_host", "connect_timeout_seconds", "timeout_seconds",
            "max_body_size", "user_agent", "subscriptions", "iframe_hosts",
        ])
        var p = PollingSettings()
        p.intervalMinutes = try t.integer("interval_minutes", in: 1...10_080) ?? p.intervalMinutes
        p.maxConcurrent = try t.integer("max_concurrent", in: 1...256) ?? p.maxConcurrent
        p.maxPerHost = try t.integer("max_per_host", in: 1...16) ?? p.maxPerHost
        p.connectTimeoutSeconds = try t.integer("connect_timeout_seconds", in: 1...600) ?? p.connectTimeoutSeconds
        p.timeoutSeconds = try t.integer("timeout_seconds", in: 1...3_600) ?? p.timeoutSeconds
        p.maxBodySize = try t.integer("max_body_size", in: 1_024...(1 << 30)) ?? p.maxBodySize
        p.userAgent = try t.string("user_agent", nonEmpty: true) ?? p.userAgent
        p.iframeHosts = try t.strings("iframe_hosts").map { $0.lowercased() }
        if let subscriptions = try t.string("subscriptions", nonEmpty: true) {
            p.subscriptions = FilePath.resolve(subscriptions, against: baseDirectory)
        }
        return p
    }

    static func readSource(_ t: TOMLReader, index: Int, baseDirectory: String) throws(ConfigurationError) -> SourceSettings {
        try t.checkKeys(allowed: [
            "name", "url", "interval_minutes", "include", "exclude", "max_entries", "category", "enabled",
            "allow_private_redirects",
        ])
        guard let rawURL = try t.string("url", nonEmpty: true) else {
            throw t.error("url", "missing; every [[source]] needs the feed's URL or path")
        }
        guard let url = SourceLocation.normalize(rawURL, baseDirectory: baseDirectory) else {
            throw t.error("url", "expected an http://, https:// or file:// URL, or a path; found \"\(rawURL)\"")
        }
        var source = SourceSettings(name: try t.string("name", nonEmpty: true) ?? SourceLocation.defaultName(url), url: url)
        source.intervalMinutes = try t.integer("interval_minutes", in: 1...10_080)
        source.include = try t.patterns("include")
        source.exclude = try t.patterns("exclude")
        source.maxEntries = try t.integer("max_entries", in: 1...100_000)
        source.category = try t.string("category", nonEmpty: true)
        source.enabled = try t.bool("enabled") ?? true
        source.allowPrivateRedirects = try t.bool("allow_private_redirects") ?? false
        return source
    }
}
