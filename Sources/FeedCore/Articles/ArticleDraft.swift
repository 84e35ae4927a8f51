import Foundation

/// What a format reader found, before language detection, rendering and hashing.
struct ArticleDraft {
    var title: [UInt8]
    var blocks: [ArticleBlock]
    var link: String?
    /// A language the file declares (Markdown front matter `lang`).
    var language: String?
    /// A date the file declares (Markdown front matter `date`).
    var date: Date?
    /// Categories the file declares (Markdown front matter `tags`, `categories`).
    var categories: [String] = []
}
