import Foundation

/// One article file, parsed and normalised.
public struct Article: Sendable, Hashable {
    /// Plain text, whitespace-normalised, never empty.
    public var title: String
    /// The body after the title; the source line removed.
    public var blocks: [ArticleBlock]
    /// URL of the source line (or front matter `link`).
    public var link: String?
    /// Detected (fr, en, de, es, it, pt, nl) or the parser's default.
    public var language: String
    /// A `/YYYY/MM/DD/` (or `/YYYY-MM-DD/`) date in the link, UTC midnight; or front matter `date`.
    public var originalDate: Date?
    /// The first paragraph, plain text.
    public var summary: String?
    /// `blocks` rendered as `<h2>`, `<p>`, `<ul><li>`; text HTML-escaped exactly once.
    public var contentHTML: String
    /// 16 lowercase hex chars: FNV-1a 64 over the normalised title, link and blocks.
    public var contentHash: String
    /// Front matter `tags` / `categories`: the entry's categories, which `[[output]]` selections read.
    public var categories: [String]

    public init(
        title: String,
        blocks: [ArticleBlock],
        link: String?,
        language: String,
        originalDate: Date?,
        summary: String?,
        contentHTML: String,
        contentHash: String,
        categories: [String] = []
    ) {
        self.title = title
        self.blocks = blocks
        self.link = link
        self.language = language
        self.originalDate = originalDate
        self.summary = summary
        self.contentHTML = contentHTML
        self.contentHash = contentHash
        self.categories = categories
    }
}
