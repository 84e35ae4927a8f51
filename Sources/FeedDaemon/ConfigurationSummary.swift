/// The resolved configuration as `feedd check` prints it: TOML-like, one key per line.
public enum ConfigurationSummary {
    public static func text(_ c: Configuration) -> String {
        func quoted(_ s: String?) -> String {
            guard let s else { return "(not set)" }
            var escaped = ""
            for ch in s.unicodeScalars {
                switch ch {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                case "\t": escaped += "\\t"
                default: escaped.unicodeScalars.append(ch)
                }
            }
            return "\"\(escaped)\""
        }
        let f = c.feed
        var lines = ["# configuration: \(c.file ?? "built-in defaults") (valid)", "", "[feed]"]
        lines += [
            "title = \(quoted(f.title))",
            "subtitle = \(quoted(f.subtitle))",
            "id = \(quoted(c.feedID))",
            "tag_authority = \(quoted(f.tagAuthority))",
            "site_url = \(quoted(f.siteURL))",
            "base_url = \(quoted(f.baseURL))",
            "language = \(quoted(f.language))",
            "author_name = \(quoted(f.authorName))",
            "author_email = \(quoted(f.authorEmail))",
            "author_uri = \(quoted(f.authorURI))",
            "max_entries = \(f.maxEntries)",
            "max_age_days = \(f.maxAgeDays)\(f.maxAgeDays == 0 ? "  # no age limit" : "")",
            "atom_file = \(quoted(f.files.atom))",
            "rss_file = \(quoted(f.files.rss))",
            "opml_file = \(quoted(f.files.opml))",
            "json_file = \(quoted(f.files.json))",
            "",
            "[paths]",
            "seeds = \(quoted(c.paths.seeds))",
            "output = \(quoted(c.paths.output))",
            "state = \(quoted(c.paths.state))",
            "",
            "[articles]",
            "max_file_size = \(c.articles.maxFileSize)",
            "on_delete = \(quoted(c.articles.onDelete.rawValue))",
            "follow_symlinks = \(c.articles.followSymlinks)",
            "allow_empty = \(c.articles.allowEmpty)",
            "",
            "[polling]",
            "interval_minutes = \(c.polling.intervalMinutes)",
            "max_concurrent = \(c.polling.maxConcurrent)",
            "max_per_host = \(c.polling.maxPerHost)",
            "connect_timeout_seconds = \(c.polling.connectTimeoutSeconds)",
            "timeout_seconds = \(c.polling.timeoutSeconds)",
            "max_body_size = \(c.polling.maxBodySize)",
            "user_agent = \(quoted(c.polling.userAgent))",
            "subscriptions = \(quoted(c.polling.subscriptions))",
            "iframe_hosts = \(c.polling.iframeHosts.map { quoted($0) })",
            "",
            "[daemon]",
            "debounce_ms = \(c.daemon.debounceMilliseconds)",
            "rescan_minutes = \(c.daemon.rescanMinutes)",
            "metrics_file = \(quoted(c.metricsFile ?? ""))\(c.metricsFile == nil ? "  # disabled" : "")",
        ]
        for (index, source) in c.sources.enumerated() {
            lines += [
                "",
                "[[source]]  # \(index)",
                "name = \(quoted(source.name))",
                "url = \(quoted(source.url))",
                "interval_minutes = \(source.intervalMinutes ?? c.polling.intervalMinutes)",
                "enabled = \(source.enabled)",
            ]
            if !source.include.isEmpty { lines.append("include = \(source.include.map { quoted($0) })") }
            if !source.exclude.isEmpty { lines.append("exclude = \(source.exclude.map { quoted($0) })") }
            if let cap = source.maxEntries { lines.append("max_entries = \(cap)") }
            if let category = source.category { lines.append("category = \(quoted(category))") }
            if source.allowPrivateRedirects { lines.append("allow_private_redirects = true") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
