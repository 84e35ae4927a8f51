import FeedCore

/// One conditional GET: the URL and the validators the last response gave.
public struct FetchRequest: Sendable, Hashable {
    public var url: String
    /// `ETag` of the last 200, sent as `If-None-Match`.
    public var etag: String?
    /// `Last-Modified` of the last 200, sent as `If-Modified-Since`.
    public var lastModified: String?
    /// Follow a redirect from a public address to a loopback, private or link-local one.
    public var allowPrivateRedirects: Bool
    /// Headers, credentials, user agent and proxy of the source; headers and credentials go only to the
    /// source's own origin (not to where it redirects elsewhere).
    public var access: SourceAccess

    public init(
        url: String, etag: String? = nil, lastModified: String? = nil, allowPrivateRedirects: Bool = false,
        access: SourceAccess = SourceAccess()
    ) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.allowPrivateRedirects = allowPrivateRedirects
        self.access = access
    }
}

/// What a fetch gave.
public enum FetchOutcome: Sendable {
    /// A new document (200).
    case fetched(FetchedDocument)
    /// 304: nothing changed since the validators were issued; nothing to parse.
    case notModified(FetchMetadata)
    /// 410: the publisher says the feed is gone for good.
    case gone(FetchMetadata)
    case failed(FetchFailure)
}

/// Response facts kept whatever the outcome.
public struct FetchMetadata: Sendable, Hashable {
    public var status: Int
    /// The URL that answered, after redirects.
    public var finalURL: String
    /// Set when every redirect on the way was permanent (301, 308): the URL to use from now on.
    public var permanentURL: String?
    public var etag: String?
    public var lastModified: String?
    /// `Cache-Control: max-age` and `Expires`, as polling hints.
    public var hints: PublisherHints

    public init(status: Int, finalURL: String, permanentURL: String? = nil, etag: String? = nil,
                lastModified: String? = nil, hints: PublisherHints = PublisherHints()) {
        self.status = status
        self.finalURL = finalURL
        self.permanentURL = permanentURL
        self.etag = etag
        self.lastModified = lastModified
        self.hints = hints
    }
}

/// A 200 with its body, decompressed and within the size cap.
public struct FetchedDocument: Sendable {
    public var metadata: FetchMetadata
    public var body: [UInt8]
    /// The `charset` parameter of `Content-Type`, when given.
    public var charset: String?
    /// When the request's time (`timeout_seconds`, from its start) runs out: the parse must end by then too.
    public var deadline: ContinuousClock.Instant?

    public init(metadata: FetchMetadata, body: [UInt8], charset: String?, deadline: ContinuousClock.Instant? = nil) {
        self.metadata = metadata
        self.body = body
        self.charset = charset
        self.deadline = deadline
    }
}

/// A fetch that failed, with what the scheduler needs to back off.
public struct FetchFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// HTTP status when the server answered.
    public var status: Int?
    /// `Retry-After`, in seconds from now, when the server sent one (429, 503).
    public var retryAfter: Double?
    public var message: String
    /// Set when every redirect before the failure was permanent.
    public var permanentURL: String?

    public init(status: Int? = nil, retryAfter: Double? = nil, message: String, permanentURL: String? = nil) {
        self.status = status
        self.retryAfter = retryAfter
        self.message = message
        self.permanentURL = permanentURL
    }

    public var description: String { message }
}
