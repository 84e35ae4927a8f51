extension URIReference {
    /// This reference resolved against `base`: RFC 3986 §5.2.2 (strict: a scheme in the reference wins).
    public func resolved(against base: URIReference) -> URIReference {
        if scheme != nil {
            return URIReference(
                scheme: scheme, authority: authority, path: Self.removingDotSegments(path), query: query,
                fragment: fragment)
        }
        var target = URIReference(scheme: base.scheme, authority: base.authority, path: "", query: nil, fragment: fragment)
        if authority != nil {
            target.authority = authority
            target.path = Self.removingDotSegments(path)
            target.query = query
        } else if path.isEmpty {
            target.path = base.path
            target.query = query ?? base.query
        } else {
            target.path = Self.removingDotSegments(path.hasPrefix("/") ? path : merged(with: base))
            target.query = query
        }
        return target
    }

    /// The relative path appended to the base's directory: RFC 3986 §5.2.3.
    private func merged(with base: URIReference) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return base.path[...slash] + path
    }

    /// `path` with its `.` and `..` segments interpreted and removed: RFC 3986 §5.2.4.
    public static func removingDotSegments(_ path: String) -> String {
        var input = Substring(path)
        var output = ""
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") || input == "/.." {
                input = input == "/.." ? "/" : input.dropFirst(3)
                if let slash = output.lastIndex(of: "/") {
                    output.removeSubrange(slash...)
                } else {
                    output = ""
                }
            } else if input == "." || input == ".." {
                input = ""
            } else {
                let searchStart = input.hasPrefix("/") ? input.index(after: input.startIndex) : input.startIndex
                let end = input[searchStart...].firstIndex(of: "/") ?? input.endIndex
                output += input[..<end]
                input = input[end...]
            }
        }
        return output
    }
}
