/// A further feed of a selection of the entries (`[[output]]`): its own Atom, RSS and JSON Feed files
/// beside the merged ones, named after it, listed in the OPML list and on the page for people.
public struct TopicFeed: Sendable, Hashable, Encodable {
    /// The file names' stem (`local` gives `local.atom.xml`, `local.rss.xml`, `local.feed.json`).
    public var name: String
    public var title: String
    /// The feed's permanent id.
    public var id: String

    public init(name: String, title: String, id: String) {
        self.name = name
        self.title = title
        self.id = id
    }

    public var atom: String { "\(name).atom.xml" }
    public var rss: String { "\(name).rss.xml" }
    public var json: String { "\(name).feed.json" }
    /// Its three files, in the order they are rendered.
    public var files: [String] { [atom, rss, json] }
}

extension FeedDescription {
    /// The description a topic's feeds carry: its title, id and file names (so its self links are its
    /// own), the rest as the merged feed's; a topic lists no topics.
    public func describing(_ topic: TopicFeed) -> FeedDescription {
        var description = self
        description.id = topic.id
        description.title = topic.title
        description.files.atom = topic.atom
        description.files.rss = topic.rss
        description.files.json = topic.json
        description.topics = []
        return description
    }

    /// Every file a publish writes: the merged feed's outputs, then each topic's feeds.
    public var allFiles: [String] {
        files.all + topics.flatMap(\.files)
    }
}
