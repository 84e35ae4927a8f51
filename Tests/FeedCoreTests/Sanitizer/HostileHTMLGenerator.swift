/// Generates random, mostly hostile HTML fragments from a seed (SplitMix64): same seed, same fragments.
struct HostileHTMLGenerator {
    private var random: SplitMix

    init(seed: UInt64) {
        random = SplitMix(seed: seed)
    }

    static let tags = [
        "p", "div", "span", "a", "b", "i", "img", "br", "ul", "ol", "li", "table", "tr", "td", "th", "tbody", "pre",
        "blockquote", "h1", "h3", "font", "center", "script", "style", "iframe", "svg", "math", "object", "embed",
        "form", "input", "textarea", "noscript", "template", "meta", "base", "link", "xmp", "title", "video",
        "source", "picture", "figure", "details", "summary", "dl", "dt", "dd", "q", "code", "SCRIPT", "ScRiPt",
        "scr<script>ipt", "svg:script", "body", "html", "head", "frameset", "select", "option", "unknown-tag", "x",
        "font", "center", "span2", "a", "li", "p", "tr", "td", "table", "dl", "dt", "iframe", "audio", "track", "wbr",
    ]
    static let attributeNames = [
        "href", "src", "srcset", "alt", "title", "width", "height", "onerror", "onload", "ONCLICK", "style", "class",
        "id", "cite", "poster", "lang", "dir", "colspan", "xlink:href", "formaction", "srcdoc", "data", "action",
        "open", "controls", "rel", "target", "on",
    ]
    static let attributeValues = [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "jav&#x09;ascript:alert(1)", "&#106;avascript:alert(1)",
        " \u{1}javascript:alert(1)", "java\nscript:alert(1)", "vbscript:x", "data:text/html,<script>alert(1)</script>",
        "data:image/png;base64,iVBORw0KGgo=", "data:image/svg+xml,<svg onload=alert(1)>", "https://example.net/a.png",
        "http://pixel.example.com/t.gif", "/relative/path", "../up", "?q=1", "#frag", "//cdn.example.net/x",
        "mailto:a@example.org", "1", "0", "100px", "rtl", "x\" onerror=\"alert(1)", "'><script>alert(1)</script>",
        "a.png 1x, javascript:alert(1) 2x", "expression(alert(1))", "https://video.example.com/embed/1", "",
        "&lt;b&gt;", "&amp;", "url(javascript:alert(1))", "\\\\evil.example/x", "/\\evil.example/",
        "https://video.example.com\\@evil.example/", "https://video.example.com@evil.example/",
        "https:video.example.com/embed", "https://VIDEO.example.com:443/e", "&#x6A&#x61vascript:x", "javascript&colon;x",
    ]
    /// Iframe sources for a policy allowing `video.example.com`: allowed ones and lookalikes.
    static let frameSources = [
        "https://video.example.com/embed/1", "https://www.video.example.com/e", "https://VIDEO.example.com:443/e",
        "https://video.example.com\\@evil.example/", "https://video.example.com@evil.example/",
        "https://video.example.com.evil.example/", "http://video.example.com/e", "https:video.example.com/e",
        "//video.example.com/e", "/embed", "javascript:alert(1)", "https://evilvideo.example.com/",
    ]
    static let texts = [
        "text", " ", "\n", "&amp;", "&lt;", "&nbsp;", "&eacute;", "<", ">", "&", "\"", "'", "alert(1)", "é",
        "&#0;", "&#x1;", "&#8217;", "]]>", "<![CDATA[x]]>", "<!-- c -->", "<!--", "-->", "<?pi x?>", "</", "<!",
        "javascript:alert(1)", "onerror=alert(1)", "\t", "日本",
    ]

    mutating func fragment() -> String {
        var output = ""
        for _ in 0..<(1 + next(12)) { piece(into: &output, depth: 0) }
        return output
    }

    private mutating func piece(into output: inout String, depth: Int) {
        switch next(11) {
        case 0...3:
            output += pick(Self.texts)
        case 4:
            output += "</" + pick(Self.tags) + ">"
        case 5:
            // A URL in the attribute that loads or links it, where most URL tricks matter.
            let (tag, attribute) = [("iframe", "src"), ("a", "href"), ("img", "src"), ("img", "srcset"),
                                    ("video", "poster"), ("blockquote", "cite")][next(6)]
            let value = tag == "iframe" ? pick(Self.frameSources) : pick(Self.attributeValues)
            output += "<\(tag) \(attribute)=\"\(value.filter { $0 != "\"" })\">x</\(tag)>"
        default:
            let tag = pick(Self.tags)
            output += "<" + tag
            for _ in 0..<next(4) { output += " " + attribute() }
            output += next(8) == 0 ? "/>" : ">"
            if depth < 5 {
                for _ in 0..<next(4) { piece(into: &output, depth: depth + 1) }
            }
            if next(4) != 0 { output += "</" + tag + ">" }
        }
    }

    private mutating func attribute() -> String {
        let name = pick(Self.attributeNames)
        switch next(4) {
        case 0: return name
        case 1: return name + "=" + pick(Self.attributeValues).filter { !" \t\n>".contains($0) }
        case 2: return name + "='" + pick(Self.attributeValues).filter { $0 != "'" } + "'"
        default: return name + "=\"" + pick(Self.attributeValues).filter { $0 != "\"" } + "\""
        }
    }

    private mutating func pick(_ items: [String]) -> String {
        items[next(items.count)]
    }

    /// A number in `0..<bound`.
    private mutating func next(_ bound: Int) -> Int {
        random.next(below: bound)
    }
}
