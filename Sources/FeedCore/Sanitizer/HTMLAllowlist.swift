/// The sanitiser's tables: which elements stay, which attributes they keep, which go with their content.
///
/// Anything in neither `attributes` nor `droppedWithContent` is unwrapped: its children stay.
/// `class`, `id` and `style` are never kept: `class` would pull in the reader's own page styles,
/// `id` can clobber the reader's DOM globals, `style` can overlay the reader's interface.
enum HTMLAllowlist {
    /// How an attribute's value is checked; a value that fails drops the attribute.
    enum Rule: Sendable {
        case text
        case url(URLFilter.Kind)
        case srcset
        case dimension  // digits (a trailing `px` is removed) or a percentage
        case count  // a positive integer (colspan, span)
        case integer  // possibly negative (ol start, li value)
        case boolean  // kept with an empty value
        case language  // a BCP 47-shaped tag
        case oneOf(Set<String>)  // compared in lower case, written in lower case
        case caseSensitiveOneOf(Set<String>)
    }

    /// The sandbox given to every kept iframe: its scripts run, but cannot navigate the reader's page.
    static let iframeSandbox = "allow-scripts allow-same-origin allow-popups"
    /// The `rel` given to every kept link: the target cannot reach back to the reader's window.
    static let linkRel = "noopener noreferrer"

    /// Attributes every allowed element may keep.
    static let globalAttributes: [String: Rule] = [
        "title": .text, "lang": .language, "dir": .oneOf(["ltr", "rtl", "auto"]),
    ]

    private static let media: [String: Rule] = [
        "src": .url(.resource), "controls": .boolean, "loop": .boolean, "muted": .boolean,
        "preload": .oneOf(["none", "metadata", "auto"]),
    ]

    /// Allowed elements and the attributes each keeps beyond the global ones.
    static let attributes: [String: [String: Rule]] = {
        var table: [String: [String: Rule]] = [:]
        let plain = [
            "abbr", "address", "article", "aside", "b", "bdi", "bdo", "br", "caption", "code", "dd", "dfn", "div",
            "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
            "i", "kbd", "mark", "p", "picture", "pre", "rp", "rt", "ruby", "s", "samp", "section", "small", "span",
            "strong", "sub", "summary", "sup", "table", "tbody", "tfoot", "thead", "tr", "u", "ul", "var", "wbr",
            "cite",
        ]
        for name in plain { table[name] = [:] }
        table["a"] = ["href": .url(.link), "hreflang": .language]
        table["blockquote"] = ["cite": .url(.resource)]
        table["q"] = ["cite": .url(.resource)]
        table["del"] = ["cite": .url(.resource), "datetime": .text]
        table["ins"] = ["cite": .url(.resource), "datetime": .text]
        table["time"] = ["datetime": .text]
        table["details"] = ["open": .boolean]
        table["ol"] = ["start": .integer, "reversed": .boolean, "type": .caseSensitiveOneOf(["1", "a", "A", "i", "I"])]
        table["li"] = ["value": .integer]
        table["td"] = ["colspan": .count, "rowspan": .count]
        table["th"] = ["colspan": .count, "rowspan": .count, "scope": .oneOf(["row", "col", "rowgroup", "colgroup"])]
        table["col"] = ["span": .count]
        table["colgroup"] = ["span": .count]
        table["img"] = [
            "src": .url(.image), "srcset": .srcset, "sizes": .text, "alt": .text, "width": .dimension,
            "height": .dimension,
        ]
        table["audio"] = media
        table["video"] = media.merging(
            ["poster": .url(.resource), "width": .dimension, "height": .dimension, "playsinline": .boolean]
        ) { first, _ in first }
        table["source"] = ["src": .url(.resource), "srcset": .srcset, "sizes": .text, "type": .text, "media": .text]
        table["track"] = [
            "src": .url(.resource), "kind": .oneOf(["subtitles", "captions", "descriptions", "chapters", "metadata"]),
            "srclang": .language, "label": .text, "default": .boolean,
        ]
        table["iframe"] = ["src": .url(.resource), "width": .dimension, "height": .dimension, "allowfullscreen": .boolean]
        return table
    }()

    /// Elements removed together with everything inside them.
    ///
    /// `noscript` goes too: browsers read its content as raw text when scripts run, so its parsed
    /// shape differs between us and the reader (a known mutation-XSS route), and it mostly repeats
    /// a lazy-loaded image. `iframe` is handled apart (kept for allowed hosts).
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "embed", "applet", "param", "form", "input", "button", "select",
        "option", "optgroup", "textarea", "datalist", "output", "fieldset", "legend", "keygen", "isindex",
        "template", "noscript", "noembed", "noframes", "svg", "math", "meta", "link", "base", "frame", "frameset",
        "title", "canvas", "dialog", "portal", "bgsound", "xml",
    ]
}
