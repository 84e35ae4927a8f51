/// Reads a Markdown article: optional front matter (`title`, `date`, `link`, `lang`) between `---` lines,
/// `#` headings, `-`/`*`/`+` lists and paragraphs; inline Markdown stays as text.
enum MarkdownArticleReader {
    /// Nil when nothing but blank lines (and front matter without a title) is there.
    static func read(_ lines: [[UInt8]]) -> ArticleDraft? {
        let (frontMatter, bodyStart) = FrontMatter.parse(lines)
        var body = Array(lines[bodyStart...])
        var link = frontMatter.link
        if let last = body.lastIndex(where: { !$0.isEmpty }), let found = SourceLine.link(in: body[last]) {
            link = link ?? found
            body.removeSubrange(last...)
        }
        var title = frontMatter.title.map { Array($0.utf8) }
        let firstLine = body.firstIndex { !$0.isEmpty }
        if let declared = title {
            if let firstLine, heading(in: body[firstLine])?.level == 1, heading(in: body[firstLine])?.text == declared {
                body.remove(at: firstLine)
            }
        } else if let index = body.firstIndex(where: { heading(in: $0)?.level == 1 }) {
            title = heading(in: body[index])?.text
            body.remove(at: index)
        } else if let firstLine {
            title = heading(in: body[firstLine])?.text ?? body[firstLine]
            body.remove(at: firstLine)
        }
        guard let title, !title.isEmpty else { return nil }
        return ArticleDraft(
            title: title, blocks: blocks(of: body), link: link, language: frontMatter.language, date: frontMatter.date,
            categories: frontMatter.categories
        )
    }

    private static func blocks(of body: [[UInt8]]) -> [ArticleBlock] {
        var builder = ArticleBodyBuilder(infersHeadings: false)
        for line in body {
            if line.isEmpty || isFenceOrRule(line) {
                builder.addBlank()
            } else if let heading = heading(in: line) {
                if !heading.text.isEmpty { builder.addHeading(heading.text) }
            } else if let item = ListMarker.item(in: line, allowsPlus: true) {
                builder.addListItem(item)
            } else if line.first == 0x3E {
                builder.addText(Array(line.dropFirst().drop { $0 == 0x20 }))
            } else {
                builder.addText(line)
            }
        }
        return builder.finish()
    }

    /// An ATX heading (`#` to `######`, then a space or nothing), its closing `#`s removed.
    static func heading(in line: [UInt8]) -> (level: Int, text: [UInt8])? {
        let level = line.prefix { $0 == 0x23 }.count
        guard (1...6).contains(level), level == line.count || line[level] == 0x20 else { return nil }
        var text = Array(line[level...].drop { $0 == 0x20 })
        let closing = text.reversed().prefix { $0 == 0x23 }.count
        if closing == text.count || (closing > 0 && text[text.count - closing - 1] == 0x20) {
            text.removeLast(closing)
            while text.last == 0x20 { text.removeLast() }
        }
        return (level, text)
    }

    /// Code fences and thematic breaks (```` ``` ````, `~~~`, `---`, `***`, `___`) separate blocks and are dropped.
    private static func isFenceOrRule(_ line: [UInt8]) -> Bool {
        if line.starts(with: Array("```".utf8)) || line.starts(with: Array("~~~".utf8)) { return true }
        let marks = line.filter { $0 != 0x20 }
        guard marks.count >= 3, let first = marks.first, [0x2D, 0x2A, 0x5F].contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
    }
}
