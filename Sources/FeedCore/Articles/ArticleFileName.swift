/// Which files in the articles folder are articles, and the stable key their names carry.
public enum ArticleFileName {
    static let extensions = ["txt", "md", "markdown", "html", "htm"]

    /// False for hidden names, `*.tmp`, `*.part`, `*~`, `*.swp`, and extensions other than .txt, .md, .markdown, .html, .htm (or none).
    public static func isCandidate(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { isCandidate(bytes: $0) }
    }

    /// `isCandidate` on a name's UTF-8 bytes: this runs for every file of every scan, before any String exists.
    public static func isCandidate(bytes name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = name.first, let last = name.last, first != 0x2E, last != 0x7E, !name.contains(0x2F) else {
            return false
        }
        guard let dot = name.lastIndex(of: 0x2E) else { return true }
        return extensionKeys.contains(packedExtension(name[(dot + 1)...]))
    }

    /// An extension of up to eight bytes, ASCII letters lowercased, as one integer (0 when longer).
    static func packedExtension(_ bytes: some Collection<UInt8>) -> UInt64 {
        guard bytes.count <= 8 else { return 0 }
        // `| 0x20` is never 0, so extensions of different lengths never pack alike.
        return bytes.reduce(0) { $0 << 8 | UInt64($1 | 0x20) }
    }

    static let extensionKeys: [UInt64] = extensions.map { packedExtension($0.utf8) }

    /// The hex key of `000_6d787e27e3e67534.txt` (`6d787e27e3e67534`), lowercased; nil when the name carries none.
    ///
    /// The key is the stem's last `_`-separated part when it is 16 to 64 hex digits (or the whole stem is).
    public static func key(of name: String) -> String? {
        var stem = Substring(name)
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { stem = name[..<dot] }
        let candidate = stem.split(separator: "_", omittingEmptySubsequences: false).last ?? stem
        guard (16...64).contains(candidate.utf8.count), candidate.utf8.allSatisfy(isHexDigit) else { return nil }
        return candidate.lowercased()
    }

    /// The lowercased extension after the last dot, or nil (`README`, `.profile`).
    static func fileExtension(of name: String) -> String? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte | 0x20)
    }
}
