import FeedCore
import FeedIO

/// One `[[output]]` table: a further feed set (Atom, RSS, JSON Feed) of the entries its selection names,
/// beside the merged one. A selection's lists each match when any of their items does; an entry must
/// match every list given.
public struct OutputSettings: Sendable, Hashable, Encodable {
    /// The files' stem: `NAME.atom.xml`, `NAME.rss.xml`, `NAME.feed.json`.
    public var name: String
    /// Nil: `<feed.title>: <name>`.
    public var title: String?
    /// Nil: `tag:<tag_authority>:output:<name>`.
    public var id: String?
    /// Entry categories (a source's `category`, a feed's own categories, an article's front matter
    /// `tags`/`categories`), compared without case.
    public var categories: [String] = []
    /// Source names or URLs as configured, or `articles` for the seeds directory's articles.
    public var sources: [String] = []
    /// Language tags (`fr` also takes `fr-CA`), from the feed or the article's detected language.
    public var languages: [String] = []
    /// Regular expressions on the title and text, as `[[source]]` has them.
    public var include: [String] = []
    public var exclude: [String] = []

    public init(name: String) {
        self.name = name
    }

    /// Whether the table selects anything narrower than every entry.
    var selects: Bool {
        !(categories.isEmpty && sources.isEmpty && languages.isEmpty && include.isEmpty && exclude.isEmpty)
    }

    /// The feed it publishes, as the writers, the OPML list and the page know it.
    func topic(_ feed: FeedSettings) -> TopicFeed {
        TopicFeed(name: name, title: title ?? "\(feed.title): \(name)", id: id ?? "tag:\(feed.tagAuthority):output:\(name)")
    }

    /// A valid name: letters, digits, `-` and `_`, starting with a letter or digit, at most 64.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 64,
              ("0"..."9").contains(first) || ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }
}

/// An `[[output]]`'s selection, ready to test stored entries: source names resolved to the store's keys.
struct OutputSelection {
    let categories: Set<String>
    let sourceKeys: Set<String>?
    let languages: [String]
    let filter: EntryFilter

    init(_ output: OutputSettings, sources: [SourceSettings]) {
        categories = Set(output.categories.map { $0.lowercased() })
        languages = output.languages.map { $0.lowercased() }
        filter = EntryFilter(include: output.include, exclude: output.exclude)
        guard !output.sources.isEmpty else {
            sourceKeys = nil
            return
        }
        var keys: Set<String> = []
        for wanted in output.sources {
            if wanted.lowercased() == StateStore.articlesSource { keys.insert(StateStore.articlesSource) }
            for source in sources where source.url == wanted || source.name.lowercased() == wanted.lowercased() {
                keys.insert(source.url)
            }
        }
        sourceKeys = keys
    }

    func accepts(_ stored: StoredEntry) -> Bool {
        let entry = stored.entry
        if let sourceKeys, !sourceKeys.contains(stored.source) { return false }
        if !categories.isEmpty, !entry.categories.contains(where: { categories.contains($0.lowercased()) }) { return false }
        if !languages.isEmpty {
            guard let language = entry.language?.lowercased(),
                  languages.contains(where: { language == $0 || language.hasPrefix($0 + "-") }) else { return false }
        }
        return filter.accepts(
            title: entry.title,
            summary: stored.pendingBody?.summary?.value ?? entry.summary ?? "",
            content: stored.pendingBody?.content?.value ?? entry.contentHTML ?? ""
        )
    }
}
