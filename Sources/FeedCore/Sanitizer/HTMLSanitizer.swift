import FeedXML

/// Turns untrusted HTML (feed content, article bodies) into HTML that is safe to publish to readers.
///
/// - Elements and attributes: an allowlist (`HTMLAllowlist`). Unknown elements are unwrapped (their
///   text stays); `script`, `style`, `svg`, `math`, forms, embeds, `template`, `noscript`, `meta`,
///   `link`, `base`… go with their content. No `on*`, `style`, `class` or `id` attribute survives.
/// - URLs: http, https, mailto (links only) and relative ones, resolved against `baseURL`; a data
///   image in `img src` when the policy allows; each `srcset` candidate checked (`URLFilter`).
/// - Links get `rel="noopener noreferrer"` (an incoming `rel` or `target` is dropped). Iframes stay
///   only over https from an allowed host, emptied and given `sandbox`. Tracking pixels go.
/// - Limits: input over `policy.maxInputBytes` is cut there (at a character boundary) and parsed as
///   is, so the output closes what the cut left open; nesting deeper than 256 is flattened to text.
/// - Output: written in one walk over libxml2's tree (`SanitizingWriter`; text without markup is not
///   parsed: `MarkupFreeText`), deterministic, trimmed of surrounding whitespace, and a fixed point:
///   sanitising it again gives it back unchanged.
public struct HTMLSanitizer: Sendable {
    public let policy: SanitizerPolicy

    public init(policy: SanitizerPolicy = .init()) {
        self.policy = policy
    }

    /// Allowlist-sanitised HTML; relative href/src resolved against baseURL (xml:base or the document URL) when given.
    ///
    /// A `baseURL` that is not an absolute http(s) URL is ignored; relative URLs then stay relative.
    public func sanitize(_ html: String, baseURL: String?) -> String {
        var input = Self.truncated(html, toBytes: policy.maxInputBytes)
        if let text = input.withUTF8({ MarkupFreeText.isMarkupFree($0) ? MarkupFreeText.html($0) : nil }) { return text }
        var writer = SanitizingWriter(policy: policy, baseURL: baseURL, collectsText: false, capacity: input.utf8.count)
        HTMLFragmentParser.walk(input, into: &writer)
        return writer.html
    }

    /// `sanitize` and `plainText` of the result from one parse (an entry's body and its summary fallback).
    public func sanitizeWithText(_ html: String, baseURL: String?) -> (html: String, text: String) {
        var input = Self.truncated(html, toBytes: policy.maxInputBytes)
        let direct = input.withUTF8 { bytes in
            MarkupFreeText.isMarkupFree(bytes) ? (html: MarkupFreeText.html(bytes), text: MarkupFreeText.plainText(bytes)) : nil
        }
        if let direct { return direct }
        var writer = SanitizingWriter(policy: policy, baseURL: baseURL, collectsText: true, capacity: input.utf8.count)
        HTMLFragmentParser.walk(input, into: &writer)
        return (writer.html, writer.plainText)
    }

    /// `sanitize` for nodes already parsed (an article's body).
    func sanitize(nodes: [HTMLNode], baseURL: String?) -> String {
        var writer = SanitizingWriter(policy: policy, baseURL: baseURL, collectsText: false, capacity: 0)
        HTMLNode.walk(nodes, into: &writer)
        return writer.html
    }

    /// Plain text of an HTML fragment (tags removed, entities decoded, whitespace normalised): for titles and summaries.
    ///
    /// Block elements and `<br>` become a space; `&nbsp;` becomes a plain space; the content of
    /// elements the sanitiser drops with their content (`script`, `style`, …) is not text.
    public func plainText(_ html: String) -> String {
        var input = Self.truncated(html, toBytes: policy.maxInputBytes)
        if let text = input.withUTF8({ MarkupFreeText.isMarkupFree($0) ? MarkupFreeText.plainText($0) : nil }) { return text }
        return HTMLPlainText.text(ofFragment: input)
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
