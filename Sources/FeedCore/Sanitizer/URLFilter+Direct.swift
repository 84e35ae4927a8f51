extension URLFilter {
    /// How `directFilter` makes the URL to write from the one given.
    enum DirectAnswer {
        case asWritten
        case prefixed(String)  // the base's `scheme://authority`, and its directory for a relative path, before it
    }

    /// What `filter` gives, worked out from the bytes for the common URLs; nil when the full path is needed.
    ///
    /// Handled: ASCII URLs with nothing for `cleaned` or `slashed` to change, that are mailto links,
    /// or http(s) URLs, or relative ones with a path (not starting with `//`), with no `.` or `..` path
    /// segment (which resolution would remove). Resolving those against the base only puts its scheme
    /// and authority (and, for a relative path, its directory) before the relative ones; the rest come
    /// back as they are (RFC 3986 §5.2.2, §5.2.3, §5.3).
    func directFilter(_ raw: String, as kind: Kind) -> String? {
        var raw = raw
        return raw.withUTF8 { bytes in
            switch directFilter(bytes, as: kind) {
            case nil: nil
            case .asWritten: String(decoding: bytes, as: UTF8.self)
            case .prefixed(let prefix): prefix + String(decoding: bytes, as: UTF8.self)
            }
        }
    }

    /// `directFilter` for the bytes of an attribute value, telling how the result is made from them.
    func directFilter(_ bytes: UnsafeBufferPointer<UInt8>, as kind: Kind) -> DirectAnswer? {
        guard let first = bytes.first, let last = bytes.last, first > 0x20, last > 0x20 else { return nil }
        var schemeEnd: Int?  // the index of the `:` ending a scheme
        var delimiterFound = false
        for (index, byte) in bytes.enumerated() {
            if byte >= 0x80 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "\\") { return nil }
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
            pathStart = schemeEnd + 1
        }
        // Without a base, nothing is resolved.
        guard let basePrefix else { return .asWritten }
        let pathEnd = bytes.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.count
        guard pathStart <= pathEnd else { return nil }
        var path = UnsafeBufferPointer(rebasing: bytes[pathStart..<pathEnd])
        let slashes = path.count >= 2 && path[0] == UInt8(ascii: "/") && path[1] == UInt8(ascii: "/")
        if schemeEnd != nil {
            if slashes {
                let authorityEnd = path.dropFirst(2).firstIndex(of: UInt8(ascii: "/")) ?? path.endIndex
                path = UnsafeBufferPointer(rebasing: path[authorityEnd...])
            }
            return Self.hasDotSegment(path) ? nil : .asWritten
        }
        if slashes || path.isEmpty { return nil }  // network-path and same-document references: the full resolution
        guard !Self.hasDotSegment(path) else { return nil }
        if path[0] == UInt8(ascii: "/") { return .prefixed(basePrefix) }
        return baseDirectory.map { .prefixed($0) }
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
