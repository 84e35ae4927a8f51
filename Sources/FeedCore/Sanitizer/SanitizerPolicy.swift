/// What the HTML sanitiser lets through beyond its fixed allowlist.
public struct SanitizerPolicy: Sendable, Hashable {
    /// Hosts whose `<iframe>`s are kept (a host also allows its subdomains); empty: iframes dropped.
    public var allowedIframeHosts: Set<String>
    /// Whether `<img src="data:image/png|gif|jpeg|webp;base64,…">` is kept.
    public var allowDataImages: Bool
    /// Input longer than this many UTF-8 bytes is truncated (at a character boundary) before parsing.
    public var maxInputBytes: Int

    /// 2 MiB: far above any real entry, small enough to parse in milliseconds.
    public static let defaultMaxInputBytes = 2 * 1024 * 1024

    public init(allowedIframeHosts: Set<String> = [], allowDataImages: Bool = true) {
        self.init(allowedIframeHosts: allowedIframeHosts, allowDataImages: allowDataImages,
                  maxInputBytes: Self.defaultMaxInputBytes)
    }

    public init(allowedIframeHosts: Set<String>, allowDataImages: Bool, maxInputBytes: Int) {
        self.allowedIframeHosts = Set(allowedIframeHosts.map { $0.lowercased() })
        self.allowDataImages = allowDataImages
        self.maxInputBytes = max(0, maxInputBytes)
    }
}
