import FeedCore
import FeedIO

/// Adds the feeds of one OPML file to a subscriptions file, skipping feeds already listed (by URL).
public enum SubscriptionImport {
    public struct Result: Sendable, Hashable {
        public var added: Int
        public var alreadyPresent: Int
        public var total: Int
    }

    /// Reads `source`, merges it into `target` (created when missing) and replaces `target` atomically.
    public static func run(importing source: String, into target: String, feed: FeedDescription) throws(ImportFailure) -> Result {
        let incoming: [Subscription]
        var list: [Subscription]
        do {
            incoming = try SourceList.readSubscriptions(source, missingIsEmpty: false)
            list = try SourceList.readSubscriptions(target, missingIsEmpty: true)
        } catch {
            throw ImportFailure(reason: error.description)
        }
        var known = Set(list.map { LinkNormalizer.normalize($0.feedURL) ?? $0.feedURL })
        var added = 0
        for subscription in incoming {
            let key = LinkNormalizer.normalize(subscription.feedURL) ?? subscription.feedURL
            guard !known.contains(key) else { continue }
            known.insert(key)
            list.append(subscription)
            added += 1
        }
        if added > 0 || !FileStatus.exists(target) {
            try write(list, to: target, feed: feed)
        }
        return Result(added: added, alreadyPresent: incoming.count - added, total: list.count)
    }

    /// Appends one feed to `target` (`feedd add`); refuses a feed already in it or in `configured` (the
    /// configuration's own sources), naming where.
    public static func add(
        _ subscription: Subscription, into target: String, configured: [String], feed: FeedDescription
    ) throws(ImportFailure) -> Int {
        var list: [Subscription]
        do {
            list = try SourceList.readSubscriptions(target, missingIsEmpty: true)
        } catch {
            throw ImportFailure(reason: error.description)
        }
        let key = LinkNormalizer.normalize(subscription.feedURL) ?? subscription.feedURL
        if configured.contains(where: { (LinkNormalizer.normalize($0) ?? $0) == key }) {
            throw ImportFailure(reason: "already subscribed: \(subscription.feedURL) is a [[source]] of the configuration")
        }
        if let present = list.first(where: { (LinkNormalizer.normalize($0.feedURL) ?? $0.feedURL) == key }) {
            throw ImportFailure(reason: "already subscribed: \(subscription.feedURL) is in \(target) as \"\(present.title)\"")
        }
        list.append(subscription)
        try write(list, to: target, feed: feed)
        return list.count
    }

    private static func write(_ list: [Subscription], to target: String, feed: FeedDescription) throws(ImportFailure) {
        var description = feed
        description.title = "\(feed.title): subscriptions"
        let bytes = OPMLWriter.write(feed: description, subscriptions: list, dateCreated: nil, includeOwnOutputs: false)
        do {
            try DirectoryScanner.createDirectory(FilePath.directory(of: target))
            try AtomicFile.write(bytes, to: target)
        } catch {
            throw ImportFailure(reason: "\(target): cannot be written: \(error.reason)")
        }
    }
}

/// `feedd import` could not read its input or write the subscriptions file (exit status 65).
public struct ImportFailure: StatusError {
    public var reason: String
    public var exitStatus: ExitStatus { .dataError }

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
