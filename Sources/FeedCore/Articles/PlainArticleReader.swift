/// Reads the seeds text format: a title line, headings and paragraphs between blank lines, a closing `Source :` line.
enum PlainArticleReader {
    /// Nil when every line is blank.
    static func read(_ lines: [[UInt8]]) -> ArticleDraft? {
        guard let titleIndex = lines.firstIndex(where: { !$0.isEmpty }) else { return nil }
        var end = lines.count
        var link: String?
        if let last = lines.lastIndex(where: { !$0.isEmpty }), last > titleIndex, let found = SourceLine.link(in: lines[last]) {
            link = found
            end = last
        }
        var builder = ArticleBodyBuilder(infersHeadings: true)
        for line in lines[(titleIndex + 1)..<end] {
            if line.isEmpty {
                builder.addBlank()
            } else if let item = ListMarker.item(in: line) {
                builder.addListItem(item)
            } else {
                builder.addText(line)
            }
        }
        return ArticleDraft(title: lines[titleIndex], blocks: builder.finish(), link: link)
    }
}
