/// `Accept-Encoding` (RFC 9110 §12.5.3), as far as the server uses it: may the response be gzipped?
enum ContentCoding {
    /// True when `gzip` (or `x-gzip`, or `*` with gzip not refused) has a non-zero quality.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        var wildcard: Bool?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, !coding.isEmpty else { continue }
            let accepted = quality(parts.dropFirst()) > 0
            switch coding {
            case "gzip", "x-gzip": return accepted
            case "*": wildcard = accepted
            default: continue
            }
        }
        return wildcard ?? false
    }

    /// The `q` parameter, 1 when absent, 0 when unreadable.
    private static func quality(_ parameters: ArraySlice<String>) -> Double {
        for parameter in parameters where parameter.hasPrefix("q=") {
            return Double(parameter.dropFirst(2)).map { min(max($0, 0), 1) } ?? 0
        }
        return 1
    }
}
