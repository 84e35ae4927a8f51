/// Which files in the articles folder are articles, and the stable key their names carry.
public enum ArticleFileName {
    static let extensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]

    /// False for hidden names, `*.tmp`, `*.part`, `*~`, `*.swp`, and extensions other than .txt, .md, .markdown, .html, .htm (or none).
    public static func isCandidate(_ name: String) -> Bool {
        // On the bytes: this runs for every file of every scan.
        let utf8 = name.utf8
        guard let first = utf8.first, let last = utf8.last, first != 0x2E, last != 0x7E, !utf8.contains(0x2F) else {
            return false
        }
        guard let dot = utf8.lastIndex(of: 0x2E) else { return true }
        let ext = utf8[utf8.index(after: dot)...]
        guard ext.count <= 8 else { return false }
        return extensions.contains(String(decoding: ext.map { $0 | 0x20 }, as: UTF8.self))
    }

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
