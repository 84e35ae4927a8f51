import FeedXML

/// Turns untrusted HTML (feed content, article bodies) into HTML that is safe to publish to readers.
///
/// An allowlist of elements and attributes (`HTMLAllowlist`); URLs limited to http, https and
/// mailto, relative ones resolved; tracking pixels removed; links get `rel="noopener noreferrer"`.
/// Input over `policy.maxInputBytes` is truncated first; nesting beyond 256 levels is flattened to
/// text. The output is deterministic and sanitising it again gives it back unchanged.
public struct HTMLSanitizer: Sendable {
    public let policy: SanitizerPolicy

    public init(policy: SanitizerPolicy = .init()) {
        self.policy = policy
    }

    /// Allowlist-sanitised HTML; relative href/src resolved against baseURL (xml:base or the document URL) when given.
    ///
    /// A `baseURL` that is not an absolute http(s) URL is ignored; relative URLs then stay relative.
    public func sanitize(_ html: String, baseURL: String?) -> String {
        let nodes = HTMLFragmentParser.parse(Self.truncated(html, toBytes: policy.maxInputBytes))
        let cleaner = HTMLCleaner(
            policy: policy, urls: URLFilter(baseURL: baseURL, allowDataImages: policy.allowDataImages))
        let serialized = HTMLSerializer.serialize(NestingRepair.repair(cleaner.clean(nodes)))
        return serialized.trimmingASCIIWhitespace()
    }

    /// Plain text of an HTML fragment (tags removed, entities decoded, whitespace normalised): for titles and summaries.
    ///
    /// Block elements and `<br>` become a space; `&nbsp;` becomes a plain space; the content of
    /// elements the sanitiser drops with their content (`script`, `style`, …) is not text.
    public func plainText(_ html: String) -> String {
        PlainText.text(of: HTMLFragmentParser.parse(Self.truncated(html, toBytes: policy.maxInputBytes)))
    }

    /// `text` cut to at most `limit` UTF-8 bytes, at a character boundary.
    static func truncated(_ text: String, toBytes limit: Int) -> String {
        let utf8 = text.utf8
        guard utf8.count > limit else { return text }
        var end = utf8.index(utf8.startIndex, offsetBy: limit)
        while end > utf8.startIndex, utf8[end] & 0xC0 == 0x80 {  // a continuation byte: inside a character
            end = utf8.index(before: end)
        }
        return String(decoding: utf8[..<end], as: UTF8.self)
    }
}
