/// Stable entry ids for articles: `tag:` URIs (RFC 4151) that survive renaming and re-numbering.
public enum ArticleID {
    /// `tag:<authority>:<key>` when the file name has a key, else `tag:<authority>:sha-<contentHash>`.
    /// `authority` is like `example.org,2026` (RFC 4151). Renaming 000_x.txt to 001_x.txt keeps the id.
    public static func make(key: String?, contentHash: String, authority: String) -> String {
        if let key, !key.isEmpty { return "tag:\(authority):\(key)" }
        return "tag:\(authority):sha-\(contentHash)"
    }
}
