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
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
