/// `file:` URLs for local paths (RFC 8089), written as valid URIs: every byte of the path that RFC 3986
/// does not allow in a path segment is percent-encoded. The host is `localhost` (RFC 8089 §2: the same as
/// none), since validators take a URL without an authority for a relative one.
public enum FileURL {
    /// `file://localhost/the/path` for an absolute `path`; a directory gets a trailing `/` (`isDirectory`).
    public static func make(path: String, isDirectory: Bool) -> String? {
        guard path.hasPrefix("/") else { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map { escapedSegment(String($0)) }
        let joined = "/" + segments.joined(separator: "/")
        return "file://localhost" + joined + (isDirectory && joined != "/" ? "/" : "")
    }

    /// A relative reference to a file in the same directory, as one escaped segment: `atom.xml`. A name
    /// holding `:` gets `./` first, so it cannot be read as a scheme (RFC 3986 §4.2: `javascript:x` is
    /// written `./javascript:x`).
    public static func sibling(_ fileName: String) -> String {
        let segment = escapedSegment(fileName)
        return segment.contains(":") ? "./" + segment : segment
    }

    /// One path segment with everything outside `pchar` (RFC 3986 §3.3) percent-encoded.
    public static func escapedSegment(_ segment: String) -> String {
        let bytes = Array(segment.utf8)
        return URIPercentEncoding.encoding(bytes) { index in
            switch bytes[index] {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"),
                UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","),
                UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"):
                true
            default: false
            }
        }
    }
}
