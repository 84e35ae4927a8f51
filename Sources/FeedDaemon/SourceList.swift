import FeedCore
import FeedIO

/// The sources in force: the `[[source]]` tables, then the OPML subscriptions not already listed.
public enum SourceList {
    /// Resolves every source; an unreadable subscriptions file is an error naming it.
    public static func resolve(_ configuration: Configuration, extraSubscriptions: String? = nil) throws(ConfigurationError) -> [SourceSettings] {
        var sources = configuration.sources
        var seen = Set(sources.map(\.url))
        let files = [configuration.polling.subscriptions, extraSubscriptions].compactMap { $0 }
        for file in files {
            for subscription in try readSubscriptions(file) {
                guard let url = SourceLocation.normalize(subscription.feedURL, baseDirectory: FilePath.directory(of: file)),
                      !seen.contains(url) else { continue }
                seen.insert(url)
                sources.append(SourceSettings(name: subscription.title, url: url, category: subscription.category))
            }
        }
        return sources
    }

    /// The subscriptions of an OPML file; a missing file is an empty list only when it is the configured
    /// one that `feedd import` has not created yet.
    public static func readSubscriptions(_ path: String, missingIsEmpty: Bool = true) throws(ConfigurationError) -> [Subscription] {
        if missingIsEmpty && !FileStatus.exists(path) { return [] }
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path, limit: 16 << 20)
        } catch {
            throw ConfigurationError(file: path, key: nil, message: "cannot be read: \(error.reason)")
        }
        do {
            return try OPMLReader.read(bytes)
        } catch {
            throw ConfigurationError(file: path, key: nil, message: error.description)
        }
    }
}
