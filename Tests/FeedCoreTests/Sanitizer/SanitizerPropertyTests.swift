import FeedCore
import FeedXML
import Testing

/// For many generated hostile fragments: the output is a fixed point and carries nothing executable.
@Suite struct SanitizerPropertyTests {
    static let sanitizer = HTMLSanitizer(policy: SanitizerPolicy(allowedIframeHosts: ["video.example.com"]))
    static let base = "https://example.org/feed/"

    @Test(arguments: 0..<8)
    func outputIsIdempotentAndInert(batch: Int) {
        var generator = HostileHTMLGenerator(seed: UInt64(batch) &* 0xD1B5_4A32_D192_ED03 &+ 0x2545_F491)
        let base: String? = batch.isMultiple(of: 2) ? Self.base : nil  // relative URLs stay relative without one
        var keptFrames = 0
        for _ in 0..<250 {
            let input = generator.fragment()
            let once = Self.sanitizer.sanitize(input, baseURL: base)
            let twice = Self.sanitizer.sanitize(once, baseURL: base)
            #expect(twice == once, "not idempotent for input: \(input)")
            if once.contains("<iframe") { keptFrames += 1 }
            #expect(!once.lowercased().contains("<script"), "script in output for input: \(input)")
            for problem in Self.problems(in: once) {
                Issue.record("\(problem) in output \(once) for input: \(input)")
            }
        }
        #expect(keptFrames > 0, "the generator should exercise allowed iframes")
    }

    /// What is wrong with `html` as parsed by a browser-like reader: elements outside the allowlist,
    /// `on*` or `style` attributes, URLs with a scheme other than http, https, mailto or a data image.
    static func problems(in html: String) -> [String] {
        var problems: [String] = []
        var pending = HTMLFragmentParser.parse(html)
        while let node = pending.popLast() {
            guard case .element(let name, let attributes, let children) = node else { continue }
            pending.append(contentsOf: children)
            if !allowedElements.contains(name) { problems.append("element <\(name)>") }
            if name == "iframe", !attributes.contains(where: { $0.name == "src" && isAllowedFrame($0.value) }) {
                problems.append("iframe from elsewhere: \(attributes)")
            }
            for attribute in attributes {
                if attribute.name.hasPrefix("on") || attribute.name == "style" {
                    problems.append("attribute \(attribute.name)")
                }
                if urlAttributes.contains(attribute.name), !isSafeURL(attribute.value, srcset: attribute.name == "srcset") {
                    problems.append("URL \(attribute.name)=\(attribute.value)")
                }
            }
        }
        // Every `<` in the output opens a real tag (text and attribute values escape it), and attribute
        // values are double-quoted with `"` escaped: outside the quotes, a tag holds only names.
        let tags = html.split(separator: "<").dropFirst().map { $0.prefix { $0 != ">" } }
        let names = tags.map { $0.replacing(/"[^"]*"/, with: "\"\"") }
        for tag in names where tag.contains(/(?i)\son[a-z]*=/) {
            problems.append("event attribute in tag <\(tag)>")
        }
        return problems
    }

    static let allowedElements: Set<String> = [
        "a", "abbr", "address", "article", "aside", "audio", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite",
        "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "iframe", "img", "ins", "kbd", "li", "mark",
        "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small", "source", "span",
        "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "track", "u",
        "ul", "var", "video", "wbr",
    ]
    static let urlAttributes: Set<String> = ["href", "src", "srcset", "cite", "poster"]

    /// Whether `url` loads from video.example.com (or a subdomain) over https, read with no userinfo.
    static func isAllowedFrame(_ url: String) -> Bool {
        url.wholeMatch(of: /https:\/\/([a-z0-9-]+\.)*video\.example\.com(:[0-9]+)?(\/[^\\]*)?/.ignoresCase()) != nil
    }

    /// The scheme as a browser sees it: outer spaces and controls stripped, tabs and newlines removed.
    static func isSafeURL(_ value: String, srcset: Bool) -> Bool {
        let candidates = srcset ? value.split(separator: ",").map { String($0.split(separator: " ").first ?? "") } : [value]
        return candidates.allSatisfy { candidate in
            let cleaned = candidate.unicodeScalars.filter { $0.value > 0x20 }.map(String.init).joined().lowercased()
            guard let end = cleaned.firstIndex(where: { ":/?#".contains($0) }), cleaned[end] == ":" else { return true }
            let scheme = cleaned[..<end]
            return scheme == "http" || scheme == "https" || scheme == "mailto"
                || cleaned.hasPrefix("data:image/png;base64,") || cleaned.hasPrefix("data:image/gif;base64,")
                || cleaned.hasPrefix("data:image/jpeg;base64,") || cleaned.hasPrefix("data:image/webp;base64,")
        }
    }
}
