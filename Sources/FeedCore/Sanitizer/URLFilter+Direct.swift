extension URLFilter {
    /// How `directFilter` makes the URL to write from the one given.
    enum DirectAnswer {
        case asWritten
        case prefixed(String)  // the base's `scheme://authority`, and its directory for a relative path, before it
        case built(String)  // dot segments removed: the whole URL
    }

    /// What `filter` gives, worked out from the bytes for the common URLs; nil when the full path is needed.
    ///
    /// Handled: URLs written as URIs already (RFC 3986 characters only, `%` only in escapes), with nothing
    /// for `cleaned` or `slashed` to change, that are mailto links,
    /// or http(s) URLs, or relative ones with a path (not starting with `//`). Without a `.` or `..`
    /// path segment, resolving those against the base only puts its scheme and authority (and, for a
    /// relative path, its directory) before the relative ones; the rest come back as they are (RFC 3986
    /// §5.2.2, §5.2.3, §5.3). With one, the path is rebuilt from the bytes (§5.2.4).
    func directFilter(_ raw: String, as kind: Kind) -> String? {
        var raw = raw
        return raw.withUTF8 { bytes in
            switch directFilter(bytes, as: kind) {
            case nil: nil
            case .asWritten: String(decoding: bytes, as: UTF8.self)
            case .prefixed(let prefix): prefix + String(decoding: bytes, as: UTF8.self)
            case .built(let url): url
            }
        }
    }

    /// Whether `//authority` follows at `index` with a non-empty host (userinfo and port aside), as
    /// `PublishableURL` asks of an http(s) URL. (Brackets never reach here: IPv6 literals take the full path.)
    static func hasHost(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> Bool {
        guard bytes.count > index + 2, bytes[index] == UInt8(ascii: "/"), bytes[index + 1] == UInt8(ascii: "/") else { return false }
        let start = index + 2
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "/"), bytes[end] != UInt8(ascii: "?"), bytes[end] != UInt8(ascii: "#") {
            end += 1
        }
        var hostStart = start
        for position in start..<end where bytes[position] == UInt8(ascii: "@") { hostStart = position + 1 }
        var hostEnd = end
        for position in hostStart..<end where bytes[position] == UInt8(ascii: ":") { hostEnd = position }
        return hostEnd > hostStart
    }

    /// `directFilter` for the bytes of an attribute value, telling how the result is made from them.
    func directFilter(_ bytes: UnsafeBufferPointer<UInt8>, as kind: Kind) -> DirectAnswer? {
        guard let first = bytes.first, let last = bytes.last, first > 0x20, last > 0x20 else { return nil }
        var schemeEnd: Int?  // the index of the `:` ending a scheme
        var delimiterFound = false
        for (index, byte) in bytes.enumerated() {
            // Only URLs already written as URIs: anything else is percent-encoded on the full path.
            if !PublishableURL.isAllowed(byte) || byte == 0x5B || byte == 0x5D { return nil }
            if byte == UInt8(ascii: "%"),
                !(index + 2 < bytes.count && PublishableURL.isHexDigit(bytes[index + 1]) && PublishableURL.isHexDigit(bytes[index + 2]))
            {
                return nil
            }
            if !delimiterFound, byte == UInt8(ascii: ":") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?")
                || byte == UInt8(ascii: "#")
            {
                delimiterFound = true
                if byte == UInt8(ascii: ":") { schemeEnd = index }
            }
        }
        var pathStart = 0
        if let schemeEnd {
            let scheme = UnsafeBufferPointer(rebasing: bytes[..<schemeEnd])
            if kind == .link, Self.equalsIgnoringCase(scheme, "mailto") { return .asWritten }
            guard Self.equalsIgnoringCase(scheme, "http") || Self.equalsIgnoringCase(scheme, "https") else { return nil }
            // As `PublishableURL` writes them: the scheme in lower case, and a host (else the full path decides).
            guard scheme.allSatisfy({ $0 >= UInt8(ascii: "a") }), Self.hasHost(bytes, after: schemeEnd + 1) else { return nil }
            pathStart = schemeEnd + 1
        }
        // Without a base, absolute URLs stay as written and relative ones are left to `filterInFull` (dropped).
        guard let basePrefix else { return schemeEnd != nil ? .asWritten : nil }
        let pathEnd = bytes.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.count
        guard pathStart <= pathEnd else { return nil }
        var path = UnsafeBufferPointer(rebasing: bytes[pathStart..<pathEnd])
        let slashes = path.count >= 2 && path[0] == UInt8(ascii: "/") && path[1] == UInt8(ascii: "/")
        let tail = UnsafeBufferPointer(rebasing: bytes[pathEnd...])  // the query and fragment
        if schemeEnd != nil {
            if slashes {
                let authorityEnd = path.dropFirst(2).firstIndex(of: UInt8(ascii: "/")) ?? path.endIndex
                path = UnsafeBufferPointer(rebasing: path[authorityEnd...])
            }
            if !Self.hasDotSegment(path) { return .asWritten }
            let head = UnsafeBufferPointer(rebasing: bytes[..<(pathEnd - path.count)])
            return .built(Self.string(head) + Self.string(Self.removingDotSegments(Array(path))) + Self.string(tail))
        }
        if slashes || path.isEmpty { return nil }  // network-path and same-document references: the full resolution
        if path[0] == UInt8(ascii: "/") {
            if !Self.hasDotSegment(path) { return .prefixed(basePrefix) }
            return .built(basePrefix + Self.string(Self.removingDotSegments(Array(path))) + Self.string(tail))
        }
        if !Self.hasDotSegment(path), let baseDirectory { return .prefixed(baseDirectory) }
        guard let baseDirectoryPath else { return nil }
        return .built(basePrefix + Self.string(Self.removingDotSegments(baseDirectoryPath + path)) + Self.string(tail))
    }

    /// `URIReference.removingDotSegments` for ASCII bytes: RFC 3986 §5.2.4, step by step as written there.
    static func removingDotSegments(_ path: [UInt8]) -> [UInt8] {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        var input = path[...]
        var output: [UInt8] = []
        func starts(_ prefix: [UInt8]) -> Bool { input.starts(with: prefix) }
        func equals(_ whole: [UInt8]) -> Bool { input.elementsEqual(whole) }
        while !input.isEmpty {
            if starts([dot, dot, slash]) {
                input = input.dropFirst(3)
            } else if starts([dot, slash]) {
                input = input.dropFirst(2)
            } else if starts([slash, dot, slash]) {
                input = input.dropFirst(2)
            } else if equals([slash, dot]) {
                input = [slash][...]
            } else if starts([slash, dot, dot, slash]) || equals([slash, dot, dot]) {
                input = equals([slash, dot, dot]) ? [slash][...] : input.dropFirst(3)
                if let last = output.lastIndex(of: slash) {
                    output.removeSubrange(last...)
                } else {
                    output = []
                }
            } else if equals([dot]) || equals([dot, dot]) {
                input = []
            } else {
                let searchStart = input.first == slash ? input.index(after: input.startIndex) : input.startIndex
                let end = input[searchStart...].firstIndex(of: slash) ?? input.endIndex
                output += input[..<end]
                input = input[end...]
            }
        }
        return output
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func string(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a segment of `path` (between slashes) is `.` or `..`.
    static func hasDotSegment(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { hasDotSegment($0) }
    }

    /// Whether a segment of `path` (between slashes) is `.` or `..`.
    static func hasDotSegment(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        var segmentStart = 0
        for index in 0...path.count {
            guard index == path.count || path[index] == UInt8(ascii: "/") else { continue }
            let length = index - segmentStart
            if length == 1 || length == 2, path[segmentStart] == UInt8(ascii: "."),
                length == 1 || path[segmentStart + 1] == UInt8(ascii: ".")
            {
                return true
            }
            segmentStart = index + 1
        }
        return false
    }

    private static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        return lowercase.withUTF8Buffer { expected in
            zip(bytes, expected).allSatisfy { byte, letter in byte | 0x20 == letter }
        }
    }
}
