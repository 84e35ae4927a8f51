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
    public static func run(importing source: String, into target: String, feed: FeedDescription) throws(ConfigurationError) -> Result {
        let incoming = try SourceList.readSubscriptions(source, missingIsEmpty: false)
        var list = try SourceList.readSubscriptions(target, missingIsEmpty: true)
        var known = Set(list.map { LinkNormalizer.normalize($0.feedURL) ?? $0.feedURL })
        var added = 0
        for subscription in incoming {
            let key = LinkNormalizer.normalize(subscription.feedURL) ?? subscription.feedURL
            guard !known.contains(key) else { continue }
            known.insert(key)
            list.append(subscription)
            added += 1
        }
        if added > 0 || !FileSystemProbe.exists(target) {
            var description = feed
            description.title = "\(feed.title): subscriptions"
            let bytes = OPMLWriter.write(feed: description, subscriptions: list, dateCreated: nil, includeOwnOutputs: false)
            do {
                try DirectoryScanner.createDirectory(FilePath.directory(of: target))
                try AtomicFile.write(bytes, to: target)
            } catch {
                throw ConfigurationError(file: target, key: nil, message: "cannot be written: \(error.reason)")
            }
        }
        return Result(added: added, alreadyPresent: incoming.count - added, total: list.count)
    }
}
