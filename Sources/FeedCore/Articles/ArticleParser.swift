/// Turns the bytes of one article file into an `Article`. Pure: the caller reads the file.
public struct ArticleParser: Sendable {
    /// The language given to articles whose text does not make theirs clear.
    public let defaultLanguage: String

    public init(defaultLanguage: String) {
        self.defaultLanguage = defaultLanguage
    }

    /// `fileName` is the base name; its extension picks the format (.txt/none = text, .md/.markdown, .html/.htm).
    public func parse(_ bytes: [UInt8], fileName: String) throws(ArticleError) -> Article {
        let format = ArticleFormat(fileName: fileName)
        if format == .html {
            let text = String(decoding: try ArticleDecoder.utf8(from: bytes), as: UTF8.self)
            return try HTMLArticleReader.read(text, defaultLanguage: defaultLanguage)
        }
        let lines = ArticleLines.split(try ArticleDecoder.utf8(from: bytes))
        let found = format == .markdown ? MarkdownArticleReader.read(lines) : PlainArticleReader.read(lines)
        guard let draft = found else { throw .empty }
        guard !draft.blocks.isEmpty else { throw .titleOnly }
        let title = String(decoding: draft.title, as: UTF8.self)
        let summary = draft.blocks.lazy.compactMap { block -> String? in
            if case .paragraph(let text) = block { text } else { nil }
        }.first
        return Article(
            title: title,
            blocks: draft.blocks,
            link: draft.link,
            language: draft.language ?? detectLanguage(title: draft.title, blocks: draft.blocks),
            originalDate: draft.date ?? draft.link.flatMap(LinkDate.date(in:)),
            summary: summary,
            contentHTML: ArticleHTML.render(draft.blocks),
            contentHash: ArticleContentHash.make(title: title, link: draft.link, blocks: draft.blocks, categories: draft.categories),
            categories: draft.categories
        )
    }

    /// The detected language of the title and the first few KB of the body, else `defaultLanguage`.
    private func detectLanguage(title: [UInt8], blocks: [ArticleBlock]) -> String {
        var detector = LanguageDetector()
        detector.score(title)
        for block in blocks where !detector.isSaturated {
            switch block {
            case .heading(let text), .paragraph(let text): detector.score(text)
            case .list(let items): for item in items { detector.score(item) }
            }
        }
        return detector.language ?? defaultLanguage
    }
}
