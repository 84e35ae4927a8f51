/// A URI reference split into its five components: RFC 3986 §3, by the regular expression of Appendix B.
///
/// Parsing never fails (Appendix B matches every string); `hasValidScheme` tells a URI from a
/// string that only looks like one. Components are kept as written, percent-encoding untouched.
public struct URIReference: Sendable, Hashable {
    public var scheme: String?
    public var authority: String?
    public var path: String
    public var query: String?
    public var fragment: String?

    public init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// Splits `string` as `^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?`.
    public init(parsing string: String) {
        // The delimiters are ASCII, so searching the UTF-8 view finds the same indices, faster. Slices are
        // cut on Unicode scalars, never on Characters: a combining mark after `:` or `//` (one Character
        // with it) must stay in the component that follows, not vanish with the delimiter.
        var rest = Substring(string)
        func after(_ index: String.Index, count: Int = 1) -> Substring {
            Substring(rest.unicodeScalars[rest.utf8.index(index, offsetBy: count)...])
        }
        func before(_ index: String.Index) -> Substring {
            Substring(rest.unicodeScalars[..<index])
        }
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(after(hash))
            rest = before(hash)
        }
        if let question = rest.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = String(after(question))
            rest = before(question)
        }
        if let colon = rest.utf8.firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") }),
            rest.utf8[colon] == UInt8(ascii: ":"), colon != rest.startIndex
        {
            scheme = String(before(colon))
            rest = after(colon)
        }
        if rest.utf8.starts(with: "//".utf8) {
            let afterSlashes = after(rest.startIndex, count: 2)
            let end = afterSlashes.utf8.firstIndex(of: UInt8(ascii: "/")) ?? afterSlashes.endIndex
            authority = String(afterSlashes.unicodeScalars[..<end])
            rest = Substring(afterSlashes.unicodeScalars[end...])
        }
        path = String(rest)
    }

    /// The reference written back: RFC 3986 §5.3.
    public var string: String {
        var result = ""
        if let scheme { result += scheme + ":" }
        if let authority { result += "//" + authority }
        result += path
        if let query { result += "?" + query }
        if let fragment { result += "#" + fragment }
        return result
    }

    /// Whether `scheme` follows `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`: RFC 3986 §3.1.
    public var hasValidScheme: Bool {
        guard let scheme, let first = scheme.unicodeScalars.first, URICharacters.isLetter(first) else { return false }
        return scheme.unicodeScalars.allSatisfy { URICharacters.isLetter($0) || URICharacters.isDigit($0) || "+-.".unicodeScalars.contains($0) }
    }

    /// The host of `authority`, without userinfo, port or IPv6 brackets: RFC 3986 §3.2.2.
    public var host: String? {
        guard let authority else { return nil }
        var hostAndPort = Substring(authority)
        if let at = hostAndPort.lastIndex(of: "@") { hostAndPort = hostAndPort[hostAndPort.index(after: at)...] }
        if hostAndPort.hasPrefix("["), let close = hostAndPort.firstIndex(of: "]") {
            return String(hostAndPort[hostAndPort.index(after: hostAndPort.startIndex)..<close])
        }
        if let colon = hostAndPort.lastIndex(of: ":") { hostAndPort = hostAndPort[..<colon] }
        return String(hostAndPort)
    }
}
