import FeedCore
import FeedIO

/// Every key of `feedd.toml`, declared once: its section, built-in value, meaning, how it is read and how
/// `feedd check` shows it. The loader's allowed keys, `feedd check`'s summary and the documentation tests
/// (the bundled `config/feedd.toml` and the README's table must list exactly these keys) all come from here.
enum ConfigurationSchema {
    /// What a key's reader needs besides the table.
    struct Context {
        /// The configuration file's directory, which relative paths are resolved against.
        var baseDirectory: String
    }

    /// The TOML type of a key's value, as the manual page names it (ConfigurationTypeTests hold it to the reader).
    enum ValueType: Sendable, Equatable {
        case string
        case integer(ClosedRange<Int>)
        case boolean
        /// An array of strings; a single string is taken as a list of one.
        case strings
        /// An inline table of strings (`{ "X-Api-Key" = "…" }`).
        case stringTable
    }

    /// One key of a `[section]`.
    struct Key: Sendable {
        let name: String
        let type: ValueType
        /// The built-in value, as the documentation spells it.
        let builtIn: String
        let meaning: String
        let read: @Sendable (TOMLReader, inout Configuration, Context) throws(ConfigurationError) -> Void
        let show: @Sendable (Configuration) -> String
    }

    /// One key of a `[[source]]` table.
    struct SourceKey: Sendable {
        let name: String
        let type: ValueType
        let builtIn: String
        let meaning: String
        let read: @Sendable (TOMLReader, inout SourceSettings, Context) throws(ConfigurationError) -> Void
        /// The summary value; nil leaves the line out.
        let show: @Sendable (SourceSettings, Configuration) -> String?
    }

    /// One key of an `[[output]]` table.
    struct OutputKey: Sendable {
        let name: String
        let type: ValueType
        let builtIn: String
        let meaning: String
        let read: @Sendable (TOMLReader, inout OutputSettings) throws(ConfigurationError) -> Void
        /// The summary value; nil leaves the line out.
        let show: @Sendable (OutputSettings) -> String?
    }

    struct Section: Sendable {
        let name: String
        let keys: [Key]
    }

    /// The `[section]` tables, in the order `feedd check` prints them.
    static let sections: [Section] = [
        Section(name: "feed", keys: [
            Key(name: "title", type: .string, builtIn: "`\"feedd\"`", meaning: "title of the published feed",
                read: { t, c, _ throws(ConfigurationError) in c.feed.title = try t.string("title", nonEmpty: true) ?? c.feed.title },
                show: { quoted($0.feed.title) }),
            Key(name: "subtitle", type: .string, builtIn: "not set", meaning: "Atom subtitle, RSS description",
                read: { t, c, _ throws(ConfigurationError) in c.feed.subtitle = try t.string("subtitle") ?? c.feed.subtitle },
                show: { quoted($0.feed.subtitle) }),
            Key(name: "tag_authority", type: .string, builtIn: "`\"feedd.invalid,2026\"`", meaning: "RFC 4151 authority for ids: `tag:<authority>:<key>`; set it once",
                read: { t, c, _ throws(ConfigurationError) in
                    guard let authority = try t.string("tag_authority") else { return }
                    guard ConfigurationValues.isTagAuthority(authority) else {
                        throw t.error("tag_authority", "expected a domain or email and a date, like \"example.org,2026\" (RFC 4151); found \"\(authority)\"")
                    }
                    c.feed.tagAuthority = authority
                },
                show: { quoted($0.feed.tagAuthority) }),
            Key(name: "id", type: .string, builtIn: "`tag:<tag_authority>:feed`", meaning: "the feed's own id",
                read: { t, c, _ throws(ConfigurationError) in c.feed.id = try t.string("id", nonEmpty: true) ?? c.feed.id },
                show: { quoted($0.feedID) }),
            Key(name: "site_url", type: .string, builtIn: "not set", meaning: "the site (`rel=\"alternate\"`, RSS `<link>`)",
                read: { t, c, _ throws(ConfigurationError) in c.feed.siteURL = try t.url("site_url") ?? c.feed.siteURL },
                show: { quoted($0.feed.siteURL) }),
            Key(name: "base_url", type: .string, builtIn: "not set", meaning: "public URL of the output directory (`rel=\"self\"`, OPML `xmlUrl`)",
                read: { t, c, _ throws(ConfigurationError) in c.feed.baseURL = try t.url("base_url") ?? c.feed.baseURL },
                show: { quoted($0.feed.baseURL) }),
            Key(name: "websub_hubs", type: .strings, builtIn: "none", meaning: "WebSub hubs: named in every feed (`rel=\"hub\"`) and notified after each change (`hub.mode=publish`); needs `base_url`",
                read: { t, c, _ throws(ConfigurationError) in c.feed.websubHubs = try t.urls("websub_hubs") },
                show: { "\($0.feed.websubHubs.map { quoted($0) })" }),
            Key(name: "language", type: .string, builtIn: "`\"en\"`", meaning: "feed language; the fallback when detection is unsure",
                read: { t, c, _ throws(ConfigurationError) in
                    guard let language = try t.string("language") else { return }
                    guard ConfigurationValues.isLanguageTag(language) else {
                        throw t.error("language", "expected a language tag like \"en\" or \"fr-CA\"; found \"\(language)\"")
                    }
                    c.feed.language = language
                },
                show: { quoted($0.feed.language) }),
            Key(name: "author_name", type: .string, builtIn: "`\"feedd\"`", meaning: "the feed's author",
                read: { t, c, _ throws(ConfigurationError) in c.feed.authorName = try t.string("author_name", nonEmpty: true) ?? c.feed.authorName },
                show: { quoted($0.feed.authorName) }),
            Key(name: "author_email", type: .string, builtIn: "not set", meaning: "the author's address",
                read: { t, c, _ throws(ConfigurationError) in c.feed.authorEmail = try t.string("author_email") ?? c.feed.authorEmail },
                show: { quoted($0.feed.authorEmail) }),
            Key(name: "author_uri", type: .string, builtIn: "not set", meaning: "the author's page",
                read: { t, c, _ throws(ConfigurationError) in c.feed.authorURI = try t.url("author_uri") ?? c.feed.authorURI },
                show: { quoted($0.feed.authorURI) }),
            Key(name: "max_entries", type: .integer(1...100_000), builtIn: "`100`", meaning: "entries per output, newest first (1 to 100000)",
                read: { t, c, _ throws(ConfigurationError) in c.feed.maxEntries = try t.integer("max_entries", in: 1...100_000) ?? c.feed.maxEntries },
                show: { "\($0.feed.maxEntries)" }),
            Key(name: "max_age_days", type: .integer(0...36_500), builtIn: "`0`", meaning: "leave out entries published longer ago; 0 = no limit",
                read: { t, c, _ throws(ConfigurationError) in c.feed.maxAgeDays = try t.integer("max_age_days", in: 0...36_500) ?? c.feed.maxAgeDays },
                show: { "\($0.feed.maxAgeDays)\($0.feed.maxAgeDays == 0 ? "  # no age limit" : "")" }),
            Key(name: "atom_file", type: .string, builtIn: "`atom.xml`", meaning: "output name of the Atom feed",
                read: { t, c, _ throws(ConfigurationError) in c.feed.files.atom = try t.fileName("atom_file") ?? c.feed.files.atom },
                show: { quoted($0.feed.files.atom) }),
            Key(name: "rss_file", type: .string, builtIn: "`rss.xml`", meaning: "output name of the RSS feed",
                read: { t, c, _ throws(ConfigurationError) in c.feed.files.rss = try t.fileName("rss_file") ?? c.feed.files.rss },
                show: { quoted($0.feed.files.rss) }),
            Key(name: "opml_file", type: .string, builtIn: "`feeds.opml`", meaning: "output name of the OPML list",
                read: { t, c, _ throws(ConfigurationError) in c.feed.files.opml = try t.fileName("opml_file") ?? c.feed.files.opml },
                show: { quoted($0.feed.files.opml) }),
            Key(name: "json_file", type: .string, builtIn: "`feed.json`", meaning: "output name of the JSON Feed",
                read: { t, c, _ throws(ConfigurationError) in c.feed.files.json = try t.fileName("json_file") ?? c.feed.files.json },
                show: { quoted($0.feed.files.json) }),
        ]),
        Section(name: "paths", keys: [
            Key(name: "seeds", type: .string, builtIn: "`seeds`", meaning: "the article directory; `\"\"` for none (an instance of a shared store that only polls)",
                read: { t, c, x throws(ConfigurationError) in
                    if let path = try t.string("seeds") { c.paths.seeds = path.isEmpty ? "" : FilePath.resolve(path, against: x.baseDirectory) }
                },
                show: { quoted($0.paths.seeds) }),
            Key(name: "output", type: .string, builtIn: "`feeds`", meaning: "where the feeds are written",
                read: { t, c, x throws(ConfigurationError) in
                    if let path = try t.string("output", nonEmpty: true) { c.paths.output = FilePath.resolve(path, against: x.baseDirectory) }
                },
                show: { quoted($0.paths.output) }),
            Key(name: "state", type: .string, builtIn: "`.state`", meaning: "SQLite store `feedd.sqlite` (with its `-wal` and `-shm`) and lock `feedd.lock`",
                read: { t, c, x throws(ConfigurationError) in
                    if let path = try t.string("state", nonEmpty: true) { c.paths.state = FilePath.resolve(path, against: x.baseDirectory) }
                },
                show: { quoted($0.paths.state) }),
        ]),
        Section(name: "store", keys: [
            Key(name: "url", type: .string, builtIn: "not set (SQLite in `paths.state`)",
                meaning: "a PostgreSQL store that several instances share: `postgresql://user@host[:port]/database` (`?sslmode=disable`, `?host=/run/postgresql`); no password in it",
                read: { t, c, _ throws(ConfigurationError) in c.store.postgres = try t.postgresLocation("url") ?? c.store.postgres },
                show: { $0.store.postgres.map { quoted($0.description) } ?? "\"\"  # SQLite" }),
            Key(name: "password_file", type: .string, builtIn: "not set (`$FEEDD_STORE_PASSWORD`, else none)",
                meaning: "file whose first line is the PostgreSQL password (read at start, never logged)",
                read: { t, c, x throws(ConfigurationError) in
                    if let path = try t.string("password_file"), !path.isEmpty {
                        c.store.passwordFile = FilePath.resolve(path, against: x.baseDirectory)
                    }
                },
                show: { $0.store.passwordFile.map { quoted($0) } ?? "\"\"" }),
        ]),
        Section(name: "articles", keys: [
            Key(name: "max_file_size", type: .integer(1...(256 << 20)), builtIn: "`1048576`", meaning: "larger article files are rejected; after a change the next pass reads every file again",
                read: { t, c, _ throws(ConfigurationError) in
                    c.articles.maxFileSize = try t.integer("max_file_size", in: 1...(256 << 20)) ?? c.articles.maxFileSize
                },
                show: { "\($0.articles.maxFileSize)" }),
            Key(name: "on_delete", type: .string, builtIn: "`\"retract\"`", meaning: "`retract` or `keep` the entry of a deleted file",
                read: { t, c, _ throws(ConfigurationError) in
                    guard let policy = try t.string("on_delete") else { return }
                    guard let value = DeletePolicy(rawValue: policy) else {
                        throw t.error("on_delete", "expected \"retract\" or \"keep\"; found \"\(policy)\"")
                    }
                    c.articles.onDelete = value
                },
                show: { quoted($0.articles.onDelete.rawValue) }),
            Key(name: "follow_symlinks", type: .boolean, builtIn: "`false`",
                meaning: "read symbolic links in the seeds directory, and then only those whose target lies inside it; off, a link is logged and refused",
                read: { t, c, _ throws(ConfigurationError) in c.articles.followSymlinks = try t.bool("follow_symlinks") ?? c.articles.followSymlinks },
                show: { "\($0.articles.followSymlinks)" }),
            Key(name: "allow_empty", type: .boolean, builtIn: "`false`",
                meaning: "let a seeds directory found empty retract every stored article; off, it is taken for an unmounted share: nothing is retracted and the pass fails",
                read: { t, c, _ throws(ConfigurationError) in c.articles.allowEmpty = try t.bool("allow_empty") ?? c.articles.allowEmpty },
                show: { "\($0.articles.allowEmpty)" }),
        ]),
        Section(name: "polling", keys: [
            Key(name: "interval_minutes", type: .integer(1...10_080), builtIn: "`30`", meaning: "minutes between polls of a healthy source",
                read: { t, c, _ throws(ConfigurationError) in
                    c.polling.intervalMinutes = try t.integer("interval_minutes", in: 1...10_080) ?? c.polling.intervalMinutes
                },
                show: { "\($0.polling.intervalMinutes)" }),
            Key(name: "max_concurrent", type: .integer(1...256), builtIn: "`8`", meaning: "requests in flight in all",
                read: { t, c, _ throws(ConfigurationError) in c.polling.maxConcurrent = try t.integer("max_concurrent", in: 1...256) ?? c.polling.maxConcurrent },
                show: { "\($0.polling.maxConcurrent)" }),
            Key(name: "max_per_host", type: .integer(1...16), builtIn: "`2`", meaning: "requests in flight to one host",
                read: { t, c, _ throws(ConfigurationError) in c.polling.maxPerHost = try t.integer("max_per_host", in: 1...16) ?? c.polling.maxPerHost },
                show: { "\($0.polling.maxPerHost)" }),
            Key(name: "connect_timeout_seconds", type: .integer(1...600), builtIn: "`10`", meaning: "seconds to connect",
                read: { t, c, _ throws(ConfigurationError) in
                    c.polling.connectTimeoutSeconds = try t.integer("connect_timeout_seconds", in: 1...600) ?? c.polling.connectTimeoutSeconds
                },
                show: { "\($0.polling.connectTimeoutSeconds)" }),
            Key(name: "timeout_seconds", type: .integer(1...3_600), builtIn: "`60`", meaning: "one deadline for a whole request: connect, redirects, headers, body and parse",
                read: { t, c, _ throws(ConfigurationError) in
                    c.polling.timeoutSeconds = try t.integer("timeout_seconds", in: 1...3_600) ?? c.polling.timeoutSeconds
                },
                show: { "\($0.polling.timeoutSeconds)" }),
            Key(name: "max_body_size", type: .integer(1_024...(1 << 30)), builtIn: "`16777216`", meaning: "largest feed, after decompression",
                read: { t, c, _ throws(ConfigurationError) in
                    c.polling.maxBodySize = try t.integer("max_body_size", in: 1_024...(1 << 30)) ?? c.polling.maxBodySize
                },
                show: { "\($0.polling.maxBodySize)" }),
            Key(name: "user_agent", type: .string, builtIn: "`feedd/<version>`", meaning: "sent with every request; add a URL or email so publishers can reach you",
                read: { t, c, _ throws(ConfigurationError) in c.polling.userAgent = try t.string("user_agent", nonEmpty: true) ?? c.polling.userAgent },
                show: { quoted($0.polling.userAgent) }),
            Key(name: "http_proxy", type: .string, builtIn: "not set (direct)", meaning: "an HTTP proxy for every source, `http://host:port` (https goes through it with CONNECT); a source may name its own or `\"\"`",
                read: { t, c, _ throws(ConfigurationError) in
                    if let proxy = try t.proxy("http_proxy") { c.polling.httpProxy = proxy }
                },
                show: { $0.polling.httpProxy.map { quoted($0.description) } ?? "not set" }),
            Key(name: "subscriptions", type: .string, builtIn: "not set", meaning: "an OPML file of further sources (`feedd import` adds to it)",
                read: { t, c, x throws(ConfigurationError) in
                    if let path = try t.string("subscriptions", nonEmpty: true) {
                        c.polling.subscriptions = FilePath.resolve(path, against: x.baseDirectory)
                    }
                },
                show: { quoted($0.polling.subscriptions) }),
            Key(name: "iframe_hosts", type: .strings, builtIn: "none", meaning: "hosts whose https iframes survive sanitising",
                read: { t, c, _ throws(ConfigurationError) in c.polling.iframeHosts = try t.strings("iframe_hosts").map { $0.lowercased() } },
                show: { "\($0.polling.iframeHosts.map { quoted($0) })" }),
        ]),
        Section(name: "daemon", keys: [
            Key(name: "debounce_ms", type: .integer(0...60_000), builtIn: "`250`", meaning: "quiet time before a burst of file changes is read",
                read: { t, c, _ throws(ConfigurationError) in
                    c.daemon.debounceMilliseconds = try t.integer("debounce_ms", in: 0...60_000) ?? c.daemon.debounceMilliseconds
                },
                show: { "\($0.daemon.debounceMilliseconds)" }),
            Key(name: "rescan_minutes", type: .integer(1...1_440), builtIn: "`10`", meaning: "full rescan of the seeds directory",
                read: { t, c, _ throws(ConfigurationError) in
                    c.daemon.rescanMinutes = try t.integer("rescan_minutes", in: 1...1_440) ?? c.daemon.rescanMinutes
                },
                show: { "\($0.daemon.rescanMinutes)" }),
            Key(name: "metrics_file", type: .string, builtIn: "`<state>/feedd.prom`", meaning: "Prometheus text file after each publish; `\"\"` disables",
                read: { t, c, x throws(ConfigurationError) in
                    if let path = try t.string("metrics_file") {
                        c.daemon.metricsFile = path.isEmpty ? "" : FilePath.resolve(path, against: x.baseDirectory)
                    }
                },
                show: { "\(quoted($0.metricsFile ?? ""))\($0.metricsFile == nil ? "  # disabled" : "")" }),
        ]),
        Section(name: "serve", keys: [
            Key(name: "listen", type: .string, builtIn: "not set (no server)",
                meaning: "the daemon serves the output directory, `/healthz` and `/metrics` over HTTP here (`127.0.0.1:8080`, `[::1]:8080`)",
                read: { t, c, _ throws(ConfigurationError) in c.serve.listen = try t.listenAddress("listen") ?? c.serve.listen },
                show: { $0.serve.listen.map { quoted($0.description) } ?? "\"\"  # no server" }),
        ]),
    ]

    /// The keys of a `[[source]]` table, in the order `feedd check` prints them (`url` is required).
    static let sourceKeys: [SourceKey] = [
        SourceKey(name: "name", type: .string, builtIn: "the URL's host", meaning: "display name",
                  read: { t, s, _ throws(ConfigurationError) in s.name = try t.string("name", nonEmpty: true) ?? s.name },
                  show: { s, _ in quoted(s.name) }),
        SourceKey(name: "url", type: .string, builtIn: "required", meaning: "`http://`, `https://`, `file://` or a path",
                  read: { _, _, _ throws(ConfigurationError) in },
                  show: { s, _ in quoted(s.url) }),
        SourceKey(name: "interval_minutes", type: .integer(1...10_080), builtIn: "`polling.interval_minutes`", meaning: "this source's interval",
                  read: { t, s, _ throws(ConfigurationError) in s.intervalMinutes = try t.integer("interval_minutes", in: 1...10_080) },
                  show: { s, c in "\(s.intervalMinutes ?? c.polling.intervalMinutes)" }),
        SourceKey(name: "enabled", type: .boolean, builtIn: "`true`", meaning: "a disabled source is neither polled nor published",
                  read: { t, s, _ throws(ConfigurationError) in s.enabled = try t.bool("enabled") ?? true },
                  show: { s, _ in "\(s.enabled)" }),
        SourceKey(name: "include", type: .strings, builtIn: "none", meaning: "regular expressions on title and text: keep entries matching one",
                  read: { t, s, _ throws(ConfigurationError) in s.include = try t.patterns("include") },
                  show: { s, _ in s.include.isEmpty ? nil : "\(s.include.map { quoted($0) })" }),
        SourceKey(name: "exclude", type: .strings, builtIn: "none", meaning: "regular expressions on title and text: leave out entries matching one",
                  read: { t, s, _ throws(ConfigurationError) in s.exclude = try t.patterns("exclude") },
                  show: { s, _ in s.exclude.isEmpty ? nil : "\(s.exclude.map { quoted($0) })" }),
        SourceKey(name: "max_entries", type: .integer(1...100_000), builtIn: "no cap", meaning: "merge at most this many of the source's newest entries",
                  read: { t, s, _ throws(ConfigurationError) in s.maxEntries = try t.integer("max_entries", in: 1...100_000) },
                  show: { s, _ in s.maxEntries.map { "\($0)" } }),
        SourceKey(name: "category", type: .string, builtIn: "not set", meaning: "label added to its entries and its OPML outline",
                  read: { t, s, _ throws(ConfigurationError) in s.category = try t.string("category", nonEmpty: true) },
                  show: { s, _ in s.category.map { quoted($0) } }),
        SourceKey(name: "allow_private_redirects", type: .boolean, builtIn: "`false`", meaning: "allow a public feed to redirect to an internal address",
                  read: { t, s, _ throws(ConfigurationError) in s.allowPrivateRedirects = try t.bool("allow_private_redirects") ?? false },
                  show: { s, _ in s.allowPrivateRedirects ? "true" : nil }),
        SourceKey(name: "headers", type: .stringTable, builtIn: "none", meaning: "extra request headers, `{ \"X-Api-Key\" = \"…\" }`; sent only to the source's own origin, shown redacted",
                  read: { t, s, _ throws(ConfigurationError) in s.access.headers = try t.headers("headers") },
                  show: { s, _ in
                      s.access.headers.isEmpty ? nil : "{ " + s.access.headers.map { "\(quoted($0.name)) = (redacted)" }.joined(separator: ", ") + " }"
                  }),
        SourceKey(name: "username", type: .string, builtIn: "not set", meaning: "HTTP basic auth user; the password is read from `password_file`",
                  read: { t, s, _ throws(ConfigurationError) in
                      guard let name = try t.string("username", nonEmpty: true) else { return }
                      guard !name.contains(":"), SourceAccess.isSendableValue(name) else {
                          throw t.error("username", "expected a user name without \":\" or line breaks (RFC 7617)")
                      }
                      s.access.username = name
                  },
                  show: { s, _ in s.access.username.map { quoted($0) } }),
        SourceKey(name: "password_file", type: .string, builtIn: "not set", meaning: "file whose first line is the basic-auth password (never in the configuration, never logged); read at each poll",
                  read: { t, s, x throws(ConfigurationError) in
                      guard let path = try t.string("password_file", nonEmpty: true) else { return }
                      let resolved = FilePath.resolve(path, against: x.baseDirectory)
                      do {
                          _ = try SourceAccess.readPassword(resolved)
                      } catch {
                          throw t.error("password_file", "\(error)")
                      }
                      s.access.passwordFile = resolved
                  },
                  show: { s, _ in s.access.passwordFile.map { quoted($0) } }),
        SourceKey(name: "user_agent", type: .string, builtIn: "`polling.user_agent`", meaning: "this source's `User-Agent`",
                  read: { t, s, _ throws(ConfigurationError) in
                      guard let agent = try t.string("user_agent", nonEmpty: true) else { return }
                      guard SourceAccess.isSendableValue(agent) else { throw t.error("user_agent", "expected one line of visible characters") }
                      s.access.userAgent = agent
                  },
                  show: { s, _ in s.access.userAgent.map { quoted($0) } }),
        SourceKey(name: "http_proxy", type: .string, builtIn: "`polling.http_proxy`", meaning: "this source's proxy, `http://host:port`, or `\"\"` to go direct",
                  read: { t, s, _ throws(ConfigurationError) in
                      guard let choice = try t.proxy("http_proxy") else { return }
                      s.proxy = choice.map { .through($0) } ?? .direct
                  },
                  show: { s, _ in
                      switch s.proxy {
                      case .inherit: nil
                      case .direct: "\"\" (direct)"
                      case let .through(proxy): quoted(proxy.description)
                      }
                  }),
    ]

    /// The keys of an `[[output]]` table (`name` is read first, by the loader).
    static let outputKeys: [OutputKey] = [
        OutputKey(name: "name", type: .string, builtIn: "required", meaning: "the files' name: `NAME.atom.xml`, `NAME.rss.xml`, `NAME.feed.json` (letters, digits, `-`, `_`)",
                  read: { _, _ throws(ConfigurationError) in }, show: { quoted($0.name) }),
        OutputKey(name: "title", type: .string, builtIn: "`<feed.title>: <name>`", meaning: "the title of this output's feeds",
                  read: { t, o throws(ConfigurationError) in o.title = try t.string("title", nonEmpty: true) },
                  show: { $0.title.map { quoted($0) } }),
        OutputKey(name: "id", type: .string, builtIn: "`tag:<tag_authority>:output:<name>`", meaning: "this output's feed id",
                  read: { t, o throws(ConfigurationError) in o.id = try t.string("id", nonEmpty: true) },
                  show: { $0.id.map { quoted($0) } }),
        OutputKey(name: "categories", type: .strings, builtIn: "any", meaning: "entries with one of these categories (a source's `category`, the feed's, an article's front matter `tags`)",
                  read: { t, o throws(ConfigurationError) in o.categories = try t.strings("categories") },
                  show: { $0.categories.isEmpty ? nil : "\($0.categories.map { quoted($0) })" }),
        OutputKey(name: "sources", type: .strings, builtIn: "any", meaning: "entries of these sources (names or URLs as configured; `articles` for the seeds directory)",
                  read: { t, o throws(ConfigurationError) in o.sources = try t.strings("sources") },
                  show: { $0.sources.isEmpty ? nil : "\($0.sources.map { quoted($0) })" }),
        OutputKey(name: "languages", type: .strings, builtIn: "any", meaning: "entries in these languages (`fr` also takes `fr-CA`; articles' detected language)",
                  read: { t, o throws(ConfigurationError) in o.languages = try t.strings("languages") },
                  show: { $0.languages.isEmpty ? nil : "\($0.languages.map { quoted($0) })" }),
        OutputKey(name: "include", type: .strings, builtIn: "none", meaning: "regular expressions on title and text: keep entries matching one",
                  read: { t, o throws(ConfigurationError) in o.include = try t.patterns("include") },
                  show: { $0.include.isEmpty ? nil : "\($0.include.map { quoted($0) })" }),
        OutputKey(name: "exclude", type: .strings, builtIn: "none", meaning: "regular expressions on title and text: leave out entries matching one",
                  read: { t, o throws(ConfigurationError) in o.exclude = try t.patterns("exclude") },
                  show: { $0.exclude.isEmpty ? nil : "\($0.exclude.map { quoted($0) })" }),
    ]

    /// Every key as `section.key` (`source.url` for the `[[source]]` keys, `output.name` for `[[output]]`'s):
    /// what the documentation lists.
    static var dottedKeys: [String] {
        sections.flatMap { section in section.keys.map { "\(section.name).\($0.name)" } } + sourceKeys.map { "source.\($0.name)" }
            + outputKeys.map { "output.\($0.name)" }
    }

    /// The README's table of keys: one row per key, `section.key`, built-in value, meaning.
    static var markdownTable: String {
        var rows = ["| key | default | meaning |", "|---|---|---|"]
        for section in sections {
            rows += section.keys.map { "| `\(section.name).\($0.name)` | \($0.builtIn) | \($0.meaning) |" }
        }
        rows += sourceKeys.map { "| `[[source]] \($0.name)` | \($0.builtIn) | \($0.meaning) |" }
        rows += outputKeys.map { "| `[[output]] \($0.name)` | \($0.builtIn) | \($0.meaning) |" }
        return rows.joined(separator: "\n")
    }

    /// A string as TOML writes it (basic string, escaped); "(not set)" for nil.
    static func quoted(_ text: String?) -> String {
        guard let text else { return "(not set)" }
        return TextQuoting.quoted(text)
    }
}
