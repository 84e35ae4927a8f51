extension URLFilter {
    /// What `filter` gives, worked out from the bytes for the common URLs; nil when the full path is needed.
    ///
    /// Handled: ASCII URLs with nothing for `cleaned` or `slashed` to change, that are mailto links,
    /// or http(s) URLs or relative ones starting with a single `/`, with no `.` or `..` path segment
    /// (which resolution would remove). Resolving those against the base only prefixes the relative
    /// ones with its scheme and authority; the rest come back as they are (RFC 3986 §5.2.2, §5.3).
    func directFilter(_ raw: String, as kind: Kind) -> String?? {
        var raw = raw
        return raw.withUTF8 { bytes -> String?? in
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
                if kind == .link, Self.equalsIgnoringCase(scheme, "mailto") { return .some(String(decoding: bytes, as: UTF8.self)) }
                guard Self.equalsIgnoringCase(scheme, "http") || Self.equalsIgnoringCase(scheme, "https") else { return nil }
                pathStart = schemeEnd + 1
            }
            // Without a base, nothing is resolved.
            guard let base, let baseScheme = base.scheme, let baseAuthority = base.authority else {
                return .some(String(decoding: bytes, as: UTF8.self))
            }
            let pathEnd = bytes.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.count
            guard pathStart <= pathEnd else { return nil }
            var path = UnsafeBufferPointer(rebasing: bytes[pathStart..<pathEnd])
            let slashes = path.count >= 2 && path[0] == UInt8(ascii: "/") && path[1] == UInt8(ascii: "/")
            if schemeEnd != nil, slashes {
                let authorityEnd = path.dropFirst(2).firstIndex(of: UInt8(ascii: "/")) ?? path.endIndex
                path = UnsafeBufferPointer(rebasing: path[authorityEnd...])
            } else if schemeEnd == nil, slashes || path.first != UInt8(ascii: "/") {
                return nil  // network-path and relative-path references: the full resolution
            }
            guard !Self.hasDotSegment(path) else { return nil }
            if schemeEnd != nil { return .some(String(decoding: bytes, as: UTF8.self)) }
            return .some(baseScheme + "://" + baseAuthority + String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Whether a segment of `path` (between slashes) is `.` or `..`.
    private static func hasDotSegment(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
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
