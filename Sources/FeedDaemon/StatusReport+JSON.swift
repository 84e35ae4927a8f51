import FeedCore
import FeedIO
import Foundation

extension StatusReport {
    /// The shape's version: moves when a field is removed or changes meaning (fields may be added without).
    public static let jsonVersion: Int64 = 1

    /// `feedd status --json`: one object, keys in the documented order, UTC dates as
    /// `YYYY-MM-DDTHH:MM:SSZ`, null where a value is unknown. The store holds no secret, and neither does this.
    public static func json(_ snapshot: StatusSnapshot) -> String {
        let object: JSONText = .object([
            ("version", .number(jsonVersion)),
            ("feedd_version", .string(FeeddVersion.current)),
            ("generated", date(snapshot.generated)),
            ("healthy", .bool(snapshot.healthy)),
            ("store", .object([("path", .string(snapshot.storePath)), ("exists", .bool(snapshot.storeExists))])),
            ("articles", articles(snapshot.articles)),
            ("sources", .array(snapshot.sources.map(source))),
            ("other_sources", .array(snapshot.otherSources.map(source))),
            ("instances", .array(snapshot.instances.map(instance))),
        ])
        return object.rendered() + "\n"
    }

    private static func instance(_ instance: InstanceRecord) -> JSONText {
        let fields: [(String, JSONText)] = [
            ("id", .string(instance.id)),
            ("host", .string(instance.host)),
            ("pid", .number(Int64(instance.pid))),
            ("started", date(instance.started)),
            ("seen", date(instance.seen)),
            ("publisher", .bool(instance.publisher)),
            ("claimed_sources", .number(Int64(instance.claimed))),
            ("seeds", .string(instance.seeds)),
        ]
        return .object(fields)
    }

    private static func articles(_ articles: StatusSnapshot.Articles) -> JSONText {
        .object([
            ("directory", .string(articles.directory)),
            ("entries", .number(Int64(articles.entries))),
            ("files", .number(Int64(articles.files))),
            ("last_pass", date(articles.lastPass)),
            ("rejected", .array(articles.rejected.map { .object([("file", .string($0.name)), ("reason", .string($0.error))]) })),
        ])
    }

    private static func source(_ source: StatusSnapshot.Source) -> JSONText {
        let record = source.record
        let lastError: JSONText = record?.lastError.map { message in
            .object([("stage", .string(record?.lastErrorStage ?? "FETCH")), ("message", .string(message))])
        } ?? .string(nil)
        return .object([
            ("name", .string(source.name)),
            ("url", .string(source.url)),
            ("state", .string(source.state.rawValue)),
            ("moved_to", .string(record?.permanentURL)),
            ("last_fetch", date(record?.lastFetch)),
            ("last_success", date(record?.lastSuccess)),
            ("http_status", .number(record?.lastStatus.map(Int64.init))),
            ("validators", .object([("etag", .bool(record?.etag != nil)), ("last_modified", .bool(record?.lastModified != nil))])),
            ("next_poll", date(record?.nextPoll)),
            ("consecutive_failures", .number(Int64(record?.failures ?? 0))),
            ("entries", .number(Int64(source.entries))),
            ("last_error", lastError),
        ])
    }

    private static func date(_ date: Date?) -> JSONText {
        .string(date.map(FeedDate.rfc3339))
    }
}
