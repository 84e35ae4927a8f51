/// Limits and identity for HTTP fetches.
public struct FetcherSettings: Sendable, Hashable {
    public var userAgent: String
    public var connectTimeoutSeconds: Int
    /// The whole request, redirects included.
    public var timeoutSeconds: Int
    /// Largest body accepted, after decompression.
    public var maxBodySize: Int
    public var maxPerHost: Int
    public var maxRedirects: Int

    public init(
        userAgent: String, connectTimeoutSeconds: Int = 10, timeoutSeconds: Int = 60, maxBodySize: Int = 16 << 20,
        maxPerHost: Int = 2, maxRedirects: Int = 5
    ) {
        self.userAgent = userAgent
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.timeoutSeconds = timeoutSeconds
        self.maxBodySize = maxBodySize
        self.maxPerHost = maxPerHost
        self.maxRedirects = maxRedirects
    }
}
