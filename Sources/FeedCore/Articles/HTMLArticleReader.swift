import FeedXML
import Foundation

/// Reads an `.html` article: a whole page or a fragment, parsed by libxml2's HTML parser and sanitised.
///
/// - title: `<title>`, else the first `<h1>`, else `og:title`; the file is `.titleOnly` without a body.
/// - link: `<link rel="canonical">`, else `og:url`; relative URLs in the body resolve against it.
/// - language: `<html lang>`, else detected from the text; date: `article:published_time`, `<time
///   datetime>`, else a date in the link.
/// - body: the `<body>` (or the whole fragment) through the allowlist sanitiser; its headings,
///   paragraphs and lists give the blocks that the summary and the content hash are made of.
enum HTMLArticleReader {
    static func read(_ html: String, defaultLanguage: String) throws(ArticleError) -> Article {
        let nodes = HTMLFragmentParser.parse(html)
        var page = PageFacts()
        page.collect(nodes)
        // The fragment parser unwraps <html>, so its lang attribute is read from the text itself.
        if page.language == nil { page.language = Self.htmlLang(html) }
        let titleText = [page.title, page.firstHeading, page.ogTitle].compactMap { $0 }.first { !$0.isEmpty }
        var removedHeading = false
        // Page chrome (navigation, footer, asides) is not the article; the heading that repeats the title goes too.
        let bodyNodes = Self.articleNodes(page.body ?? nodes.filter { !$0.isElement(named: "head") }, title: titleText, removedHeading: &removedHeading)
        var blocks: [ArticleBlock] = []
        collectBlocks(bodyNodes, into: &blocks)
        guard let title = titleText ?? blocks.first.map(Self.text) else { throw .empty }
        if titleText == nil { blocks.removeFirst() }
        guard !blocks.isEmpty else { throw .titleOnly }
        let contentHTML = HTMLSanitizer().sanitize(nodes: bodyNodes, baseURL: page.link)
        var detector = LanguageDetector()
        detector.score(title)
        for block in blocks where !detector.isSaturated { detector.score(text(block)) }
        let summary = blocks.lazy.compactMap { block -> String? in
            if case .paragraph(let text) = block { text } else { nil }
        }.first
        return Article(
            title: title,
            blocks: blocks,
            link: page.link,
            language: page.language ?? detector.language ?? defaultLanguage,
            originalDate: page.date ?? page.link.flatMap(LinkDate.date(in:)),
            summary: summary,
            contentHTML: contentHTML,
            contentHash: ArticleContentHash.make(title: title, link: page.link, blocks: blocks)
        )
    }

    /// `nodes` without `nav`, `footer`, `aside` and `header` chrome, and without the first `h1` that repeats `title`.
    static func articleNodes(_ nodes: [HTMLNode], title: String?, removedHeading: inout Bool) -> [HTMLNode] {
        var kept: [HTMLNode] = []
        for node in nodes {
            guard case let .element(name, attributes, children) = node else {
                kept.append(node)
                continue
            }
            if ["nav", "footer", "aside"].contains(name) { continue }
            if name == "h1", !removedHeading, let title, HTMLPlainText.text(of: children) == title {
                removedHeading = true
                continue
            }
            kept.append(.element(name: name, attributes: attributes, children: articleNodes(children, title: title, removedHeading: &removedHeading)))
        }
        return kept
    }

    /// The `lang` of the `<html>` start tag, looked for in the first 4 KB.
    static func htmlLang(_ html: String) -> String? {
        let head = String(html.prefix(4_096))
        guard let open = head.range(of: "<html", options: .caseInsensitive),
              let close = head[open.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = head[open.upperBound..<close]
        guard let lang = tag.range(of: "lang=", options: .caseInsensitive) else { return nil }
        var value = tag[lang.upperBound...].drop { $0 == "\"" || $0 == "'" }
        value = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
        return value.isEmpty ? nil : String(value)
    }

    static func text(_ block: ArticleBlock) -> String {
        switch block {
        case .heading(let text), .paragraph(let text): text
        case .list(let items): items.joined(separator: " ")
        }
    }

    /// Headings, paragraphs and lists of the body, in document order (other containers are walked through).
    static func collectBlocks(_ nodes: [HTMLNode], into blocks: inout [ArticleBlock]) {
        for node in nodes {
            guard case let .element(name, _, children) = node else { continue }
            switch name {
            case "h1", "h2", "h3", "h4", "h5", "h6":
                let text = HTMLPlainText.text(of: children)
                if !text.isEmpty { blocks.append(.heading(text)) }
            case "p", "blockquote", "pre":
                let text = HTMLPlainText.text(of: children)
                if !text.isEmpty { blocks.append(.paragraph(text)) }
            case "ul", "ol":
                let items = children.compactMap { child -> String? in
                    guard case let .element("li", _, grandchildren) = child else { return nil }
                    let text = HTMLPlainText.text(of: grandchildren)
                    return text.isEmpty ? nil : text
                }
                if !items.isEmpty { blocks.append(.list(items)) }
            case "script", "style", "head", "nav", "footer", "template", "noscript":
                continue
            default:
                collectBlocks(children, into: &blocks)
            }
        }
    }
}

/// What the page says about itself, gathered in one walk.
private struct PageFacts {
    var title: String?
    var firstHeading: String?
    var ogTitle: String?
    var link: String?
    var language: String?
    var date: Date?
    var body: [HTMLNode]?

    mutating func collect(_ nodes: [HTMLNode]) {
        for node in nodes {
            guard case let .element(name, attributes, children) = node else { continue }
            func attribute(_ key: String) -> String? {
                attributes.first { $0.name.lowercased() == key }?.value.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            switch name {
            case "html":
                if let lang = attribute("lang"), !lang.isEmpty { language = lang }
            case "title":
                if title == nil { title = HTMLPlainText.text(of: children) }
            case "h1":
                if firstHeading == nil { firstHeading = HTMLPlainText.text(of: children) }
            case "body":
                if body == nil { body = children }
            case "link":
                if attribute("rel")?.lowercased() == "canonical", link == nil { link = attribute("href") }
            case "meta":
                let key = (attribute("property") ?? attribute("name"))?.lowercased()
                let content = attribute("content")
                switch key {
                case "og:title": ogTitle = ogTitle ?? content
                case "og:url": if link == nil { link = content }
                case "article:published_time", "date", "dc.date": if date == nil { date = content.flatMap(FeedDateParser.parse) }
                default: break
                }
            case "time":
                if date == nil { date = attribute("datetime").flatMap(FeedDateParser.parse) }
            default:
                break
            }
            collect(children)
        }
    }
}

extension HTMLNode {
    func isElement(named name: String) -> Bool {
        if case let .element(elementName, _, _) = self { return elementName == name }
        return false
    }
}
