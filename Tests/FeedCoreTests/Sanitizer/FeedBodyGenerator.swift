/// Generates feed-like HTML bodies from a seed (SplitMix64): paragraphs, links, images, lists, tables,
/// code, embeds, wrappers the sanitiser unwraps, and the odd corner (blank links, deep nesting, stray
/// end tags, characters XML forbids). Same seed, same bodies.
struct FeedBodyGenerator {
    private var random: SplitMix

    init(seed: UInt64) {
        random = SplitMix(seed: seed)
    }

    static let words = [
        "river", "lantern", "quiet", "harbour", "seven", "copper", "meadow", "signal", "été", "naïve", "Zürich",
        "東京", "データ", "🙂", "a&amp;b", "x &lt; y", "&nbsp;", "&eacute;", "&#8217;", "&#xFFFE;", "&#x1;", "&hellip;",
        "R&D", "1 < 2", "say \"hi\"", "it's", "\t", "\n", "  ", "e\u{301}", "\u{A0}", "\u{2003}", "--", "]]>",
    ]
    static let links = [
        "/posts/1", "../up/2", "?page=3", "#top", "https://example.net/a?b=1&c=2", "http://example.org/x y",
        "mailto:someone@example.org", "javascript:alert(1)", "//cdn.example.net/lib.js", "", " /spaced ",
        "https://example.com/\\path", "data:text/html,x", "ftp://files.example/f",
    ]
    static let images = [
        "/img/a.jpg", "https://example.net/b.png", "https://pixel.example.com/t.gif", "https://feeds.feedburner.com/~r/x",
        "data:image/png;base64,iVBORw0KGgo=", "data:image/svg+xml,x", "javascript:x", "photo.webp", "",
    ]
    static let wrappers = ["font", "center", "span", "section", "article", "x-card", "nav", "small", "label", "big"]
    static let blankLinkTexts = [" ", "&nbsp;", "\n\t", " \u{301}", "\u{3000}", "<span> </span>", "<b></b>", "<script>x</script> ", ""]

    mutating func body() -> String {
        var output = ""
        for _ in 0..<(1 + next(8)) { block(into: &output, depth: 0) }
        return output
    }

    private mutating func block(into output: inout String, depth: Int) {
        switch next(16) {
        case 0...4:
            output += "<p>" + inline(count: 3 + next(20)) + (next(5) == 0 ? "" : "</p>")
        case 5:
            let tag = next(2) == 0 ? "ul" : "ol"
            output += "<\(tag)\(next(3) == 0 ? " start=\"\(next(9) - 2)\" type=\"a\"" : "")>"
            for _ in 0..<(1 + next(4)) { output += "<li>" + inline(count: 2 + next(6)) + (next(3) == 0 ? "" : "</li>") }
            output += "</\(tag)>"
        case 6:
            output += "<blockquote cite=\"\(pick(Self.links))\"><p>" + inline(count: 5) + "</p></blockquote>"
        case 7:
            output += "<figure><img src=\"\(pick(Self.images))\" alt=\"\(pick(Self.words))\" width=\"\(next(3))\" height=\"\(next(3) == 0 ? "1px" : "200")\""
            output += next(2) == 0 ? " srcset=\"a.jpg 1x, b.jpg 2x, javascript:x 3x\">" : ">"
            output += "<figcaption>" + inline(count: 3) + "</figcaption></figure>"
        case 8:
            output += "<pre><code class=\"language-c\">if (a &lt; b &amp;&amp; c &gt; d) { x = \"&quot;\"; }\n\t" + pick(Self.words) + "</code></pre>"
        case 9:
            output += "<table class=\"data\"><thead><tr><th scope=\"col\">A</th><th colspan=\"2\">B</th></tr></thead><tbody>"
            for _ in 0..<(1 + next(3)) { output += "<tr><td>" + inline(count: 2) + "</td><td rowspan=x>" + pick(Self.words) + "</td></tr>" }
            output += next(2) == 0 ? "</tbody></table>" : "<tr><td>unclosed"
        case 10:
            let host = ["https://video.example.com/embed/7", "https://www.video.example.com/e", "http://video.example.com/e",
                        "https://evil.example/e"][next(4)]
            output += "<div class=\"embed\"><iframe src=\"\(host)\" width=\"560\" height=\"315\" allowfullscreen>fallback</iframe></div>"
        case 11:
            // An unwrapped wrapper around blocks: the writer must end the paragraph as the parser would.
            let wrapper = pick(Self.wrappers)
            output += "<p>" + inline(count: 2) + "<\(wrapper)>" + inline(count: 2)
            if depth < 3 { block(into: &output, depth: depth + 1) }
            output += "</\(wrapper)>" + inline(count: 2) + "</p>"
        case 12:
            output += "<a href=\"\(pick(Self.links))\">" + pick(Self.blankLinkTexts) + "</a>" + pick(Self.words)
        case 13:
            output += "<video controls poster=\"/p.jpg\"><source src=\"/v.mp4\" type=\"video/mp4\"><source srcset=\"x.webm\">"
                + "<track kind=\"captions\" src=\"/c.vtt\" srclang=\"en\">" + pick(Self.words) + "</video>a<wbr>b"
        case 14:
            output += "<script>document.write('<p>')</script><style>p { color: red }</style><!-- note -->"
                + "<noscript><img src=/n.gif></noscript><![CDATA[cdata]]><?pi x?>" + pick(Self.words)
        default:
            let count = next(4) == 0 ? 300 : 3 + next(10)
            let tag = pick(["div", "span", "b", "blockquote", "x-deep", "li"])
            output += String(repeating: "<\(tag)>", count: count) + inline(count: 2) + String(repeating: "</\(tag)>", count: count / 2)
        }
        if next(6) == 0 { output += "</" + pick(["p", "li", "a", "div", "table", "b"]) + ">" }
    }

    private mutating func inline(count: Int) -> String {
        var output = ""
        for index in 0..<count {
            if index > 0 { output += " " }
            switch next(14) {
            case 0:
                output += "<a href=\"\(pick(Self.links))\" class=\"c\" target=\"_blank\" rel=\"x\" title=\"t&quot;\">\(pick(Self.words))</a>"
            case 1:
                output += "<\(pick(["em", "strong", "code", "i", "b", "mark", "q", "s"]))>\(pick(Self.words))</\(pick(["em", "strong", "code", "i", "b"]))>"
            case 2:
                output += next(2) == 0 ? "<br>" : "<br/>"
            case 3:
                output += "<span style=\"color:red\" onclick=\"x()\" lang=\"en-GB\" dir=\"RTL\">\(pick(Self.words))</span>"
            case 4:
                output += "<img src=\"\(pick(Self.images))\" alt=\"\(pick(Self.words))\">"
            case 5:
                output += "<a href=\"\(pick(Self.links))\">" + pick(Self.blankLinkTexts) + "</a>"
            case 6:
                output += "<abbr title=\"x\">" + pick(Self.words) + "</abbr><time datetime=\"2024-01-01\">then</time>"
            default:
                output += pick(Self.words)
            }
        }
        return output
    }

    private mutating func pick(_ items: [String]) -> String {
        items[next(items.count)]
    }

    /// A number in `0..<bound`.
    private mutating func next(_ bound: Int) -> Int {
        random.next(below: bound)
    }
}
