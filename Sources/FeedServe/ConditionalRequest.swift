import FeedCore
import Foundation

/// RFC 9110 §13.2.2 for GET and HEAD: whether the client's copy is current (answer 304).
enum ConditionalRequest {
    /// `If-None-Match` decides when present (weak comparison: either of the file's tags, or `*`); only
    /// without it does `If-Modified-Since` count (an unreadable date is ignored).
    static func isNotModified(ifNoneMatch: String?, ifModifiedSince: String?, etags: [String], lastModified: Date) -> Bool {
        if let ifNoneMatch {
            let offered = tags(ifNoneMatch)
            if offered.contains("*") { return true }
            let current = Set(etags.map(opaque))
            return offered.contains { current.contains(opaque($0)) }
        }
        guard let ifModifiedSince, let since = FeedDateParser.parse(ifModifiedSince) else { return false }
        return lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
    }

    /// The entity tags of a list (`"a", W/"b"`), as written; commas inside quotes do not split.
    static func tags(_ header: String) -> [String] {
        var result: [String] = []
        var current = ""
        var quoted = false
        for character in header {
            if character == "\"" { quoted.toggle() }
            if character == ",", !quoted {
                result.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        result.append(current.trimmingCharacters(in: .whitespaces))
        return result.filter { !$0.isEmpty }
    }

    /// A tag without its weakness mark (weak comparison).
    private static func opaque(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }
}
