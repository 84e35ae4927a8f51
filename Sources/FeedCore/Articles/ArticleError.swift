/// Why an article file could not be turned into an `Article`.
public enum ArticleError: Error, Equatable, CustomStringConvertible {
    /// The file is empty or holds only whitespace.
    case empty
    /// The file has a title line and nothing else.
    case titleOnly
    /// The bytes cannot be read as article text; the payload says why.
    case undecodable(String)

    public var description: String {
        switch self {
        case .empty: "the file is empty"
        case .titleOnly: "the file has a title but no body"
        case .undecodable(let reason): "the file cannot be read as an article: \(reason)"
        }
    }
}
