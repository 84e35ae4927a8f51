import Foundation

/// How one polled source stands, as the page for people shows it (`HTMLPageWriter`).
public struct SourceStatus: Sendable, Hashable {
    /// The feed's own title, else the configured name.
    public var name: String
    /// The site the feed belongs to.
    public var siteURL: String?
    /// The feed document's URL in use (after a permanent redirect); a local `file:` one is never shown.
    public var feedURL: String?
    /// The last fetch that succeeded (a 304 counts).
    public var lastSuccess: Date?
    /// The stage (`FETCH`, `PARSE`) of the last failure, when the last fetch failed.
    public var lastErrorStage: String?
    /// What went wrong, as `feedd status` says it.
    public var lastError: String?
    /// 410 Gone: the publisher removed the feed and it is no longer polled.
    public var retired: Bool

    public init(
        name: String, siteURL: String? = nil, feedURL: String? = nil, lastSuccess: Date? = nil,
        lastErrorStage: String? = nil, lastError: String? = nil, retired: Bool = false
    ) {
        self.name = name
        self.siteURL = siteURL
        self.feedURL = feedURL
        self.lastSuccess = lastSuccess
        self.lastErrorStage = lastErrorStage
        self.lastError = lastError
        self.retired = retired
    }
}
