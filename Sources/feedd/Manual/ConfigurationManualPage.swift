import FeedDaemon

/// `feedd.toml(5)`: every key of every table with its type, built-in value and meaning, from the key list
/// the loader itself reads (`ConfigurationReference`).
struct ConfigurationManualPage {
    let tables: [ConfigurationReference.Table]
    /// `.Dd`'s date: `Month day, year`.
    let date: String
    let version: String

    func render() -> String {
        var lines = [
            ".Dd \(date)", ".Dt FEEDD.TOML 5", ".Os " + Mdoc.argument("feedd \(version)"),
            ".Sh NAME", ".Nm feedd.toml", ".Nd " + Mdoc.argument("configuration file of feedd"),
            ".Sh DESCRIPTION",
            ".Nm",
            Mdoc.text("""
                is a TOML file read by feedd(1). \(FeeddHelp.configurationSearch)

                Every key is optional. An unknown table or key, a value of the wrong type or out of range is an error \
                that names the file and the key (`feed.max_entries`, `source[2].url`): feedd exits with status 78 \
                and writes nothing. `feedd check` validates a file and prints every setting in force.

                Relative paths are resolved against the directory of the file itself, so a run does not depend on \
                the working directory. The command-line options `--seeds`, `--output` and `--state` override \
                the `[paths]` keys.

                The tables are \(tables.map { "`\($0.header)`" }.joined(separator: ", ")). \
                Each `[[source]]` table is one feed to poll and merge; give as many as needed.
                """),
            ".Sh KEYS",
        ]
        for table in tables {
            lines += [".Ss " + Mdoc.argument(table.header), ".Bl -tag -width Ds"]
            for key in table.keys {
                lines += [".It Cm " + Mdoc.argument(key.name), Mdoc.text(Self.summary(of: key))]
            }
            lines.append(".El")
        }
        lines += [".Sh EXAMPLES", "A site's feed that also merges two outside feeds:", Mdoc.literal(Self.example)]
        lines += [
            ".Sh FILES", ".Bl -tag -width Ds", ".It Pa /etc/feedd/feedd.toml",
            "The configuration of the packaged service (a conffile: an upgrade keeps the administrator's edits).", ".El",
            ".Sh SEE ALSO", ".Xr feedd 1",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Integer from 1 to 100000; default: 100.` then the meaning as a sentence.
    static func summary(of key: ConfigurationReference.Key) -> String {
        let type = key.type.prefix(1).uppercased() + key.type.dropFirst()
        let value = key.builtIn == "required" ? "required" : "default: \(key.builtIn)"
        let meaning = key.meaning.prefix(1).uppercased() + key.meaning.dropFirst()
        return "\(type); \(value).\n\(meaning)."
    }

    static let example = [
        "[feed]",
        "title = \"Harbour Town Notes\"",
        "tag_authority = \"example.org,2026\"",
        "base_url = \"https://example.org/feeds/\"",
        "",
        "[polling]",
        "user_agent = \"feedd (+https://example.org/contact)\"",
        "",
        "[[source]]",
        "url = \"https://www.swift.org/atom.xml\"",
        "",
        "[[source]]",
        "name = \"LWN.net headlines\"",
        "url = \"https://lwn.net/headlines/rss\"",
        "interval_minutes = 120",
        "exclude = [\"(?i)sponsored\"]",
    ]
}
