/// One block of an article body, holding plain (unescaped) text.
public enum ArticleBlock: Sendable, Hashable {
    case heading(String)
    case paragraph(String)
    case list([String])
}

extension ArticleBlock {
    /// UTF-8 length of the block's text.
    var byteCount: Int {
        switch self {
        case .heading(let text), .paragraph(let text): text.utf8.count
        case .list(let items): items.reduce(0) { $0 + $1.utf8.count + 9 }
        }
    }
}
