/// The article formats, picked by file extension.
enum ArticleFormat: Equatable {
    case text, markdown, html

    init(fileName: String) {
        switch ArticleFileName.fileExtension(of: fileName) {
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        default: self = .text
        }
    }
}
