/// Checks and resolves the URLs of sanitised attributes: only http, https and (for links) mailto survive,
/// and relative ones only when there is a base to make them absolute (RSS and JSON Feed have no `xml:base`).
/// Every URL is written as a URI, as `PublishableURL` writes them (percent-encoded, IDNA hosts).
///
/// The value is first cleaned the way browsers read it (WHATWG URL §4.4: leading and trailing C0
/// controls and spaces stripped, tabs and newlines removed anywhere), so `jav&#x09;ascript:` and
/// ` JavaScript:` are seen as the `javascript:` they are. Character references were already decoded
/// by the HTML parser. Anything before the first `:`, `/`, `?` or `#` that ends in `:` is a scheme,
/// and must be allowed, even if it is not a well-formed scheme (`java script:` is dropped too).
/// Backslashes before the query become slashes, as browsers read them in http(s) URLs, so that
/// `https://allowed.example\@evil.example/` is seen with the host a browser would use.
struct URLFilter: Sendable {
    /// Where a URL appears, which decides the schemes it may use.
    enum Kind: Sendable {
        case link  // a href: http, https, mailto
        case resource  // src, poster, cite, srcset: http, https
        case image  // img src: http, https, and data images when the policy allows
    }

    /// The base relative references are resolved against: an absolute http(s) URL, or nil.
    let base: URIReference?
    /// The base's `scheme://authority`, which a path-absolute reference resolves after.
    let basePrefix: String?
    /// `basePrefix` and the base's path up to its last `/`, which a relative-path reference resolves
    /// after (RFC 3986 §5.2.3); nil when that path has a `.` or `..` segment.
    let baseDirectory: String?
    /// The base's path up to its last `/`, when it is ASCII (for `removingDotSegments` on bytes).
    let baseDirectoryPath: [UInt8]?
    let allowDataImages: Bool

    init(baseURL: String?, allowDataImages: Bool) {
        self.allowDataImages = allowDataImages
        // The base as a URI (percent-encoded, IDNA host), so what is resolved against it is one too.
        let base = PublishableURL.make(baseURL).map { URIReference(parsing: $0) }
        if let base, let scheme = base.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = base.host, !host.isEmpty
        {
            self.base = base
            let prefix = (base.scheme ?? "") + "://" + (base.authority ?? "")
            basePrefix = prefix
            let directory = base.path.isEmpty ? "/" : base.path.lastIndex(of: "/").map { String(base.path[...$0]) } ?? ""
            baseDirectory = Self.hasDotSegment(directory) ? nil : prefix + directory
            baseDirectoryPath = directory.utf8.allSatisfy { $0 < 0x80 } ? Array(directory.utf8) : nil
        } else {
            self.base = nil
            basePrefix = nil
            baseDirectory = nil
            baseDirectoryPath = nil
        }
    }

    /// The URL to write for `raw`, resolved against the base when there is one; nil when not allowed.
    func filter(_ raw: String, as kind: Kind) -> String? {
        if let direct = directFilter(raw, as: kind) { return direct }
        return filterInFull(raw, as: kind)
    }

    /// `filter` without the shortcut for common URLs (`directFilter`).
    func filterInFull(_ raw: String, as kind: Kind) -> String? {
        var url = Self.cleaned(raw)
        guard !url.isEmpty else { return nil }
        switch Self.scheme(of: url) {
        case nil, "http", "https": url = Self.slashed(url)
        case "mailto" where kind == .link: return PublishableURL.encoded(Array(url.utf8), authority: 0..<0)
        case "data" where kind == .image && allowDataImages && Self.isDataImage(url): return url
        default: return nil
        }
        // A relative reference with nothing to resolve it against would reach readers relative to the feed's
        // own URL, a different place in every reader: it is dropped (the link's text stays).
        guard let base else { return Self.scheme(of: url) == nil ? nil : PublishableURL.make(url) }
        // Written as a URI: spaces, quotes, non-ASCII percent-encoded, a Unicode host in IDNA form.
        return PublishableURL.make(URIReference(parsing: url).resolved(against: base).string)
    }

    /// The lowercased text before the first `:` when it comes before any `/`, `?` or `#`.
    ///
    /// Found in the bytes, not the characters: a browser ends the scheme at a `:` even when a
    /// combining mark follows it (`javascript:&#x301;alert(1)`), which makes `:\u{301}` one character.
    static func scheme(of url: String) -> String? {
        let utf8 = url.utf8
        guard let end = utf8.firstIndex(where: { $0 == 0x3A || $0 == 0x2F || $0 == 0x3F || $0 == 0x23 }),
            utf8[end] == 0x3A
        else { return nil }
        return String(decoding: utf8[..<end], as: UTF8.self).lowercased()
    }

    /// `raw` as a browser reads it: outer C0 controls and spaces stripped, tabs and newlines removed.
    static func cleaned(_ raw: String) -> String {
        // Most URLs have nothing to strip: checked on the bytes (C0 controls and spaces are single bytes).
        if let first = raw.utf8.first, let last = raw.utf8.last, first > 0x20, last > 0x20,
            !raw.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        {
            return raw
        }
        var scalars = String.UnicodeScalarView()
        for scalar in URICharacters.trimmed(raw).unicodeScalars where scalar != "\t" && scalar != "\n" && scalar != "\r" {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// `url` with each backslash before the first `?` or `#` replaced by `/` (WHATWG URL §4.4, special schemes).
    static func slashed(_ url: String) -> String {
        guard url.utf8.contains(UInt8(ascii: "\\")) else { return url }
        let end = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.endIndex
        return String(url[..<end].replacing("\\", with: "/") + url[end...])
    }

    /// Whether `url` is `data:image/(png|gif|jpeg|webp);base64,` followed by base64 text only.
    static func isDataImage(_ url: String) -> Bool {
        let prefixes = ["png", "gif", "jpeg", "webp"].map { "data:image/\($0);base64," }
        let lowered = url.lowercased()
        guard let prefix = prefixes.first(where: { lowered.hasPrefix($0) }) else { return false }
        return url.utf8.dropFirst(prefix.utf8.count).allSatisfy { byte in
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2B || byte == 0x2F || byte == 0x3D
        }
    }

    /// The lowercased host of an absolute (or resolved) URL.
    static func host(of url: String) -> String? {
        URIReference(parsing: url).host?.lowercased()
    }
}
