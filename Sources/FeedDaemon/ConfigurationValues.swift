import FeedCore

/// Validation of the value forms the configuration accepts.
enum ConfigurationValues {
    /// `example.org,2026`, `example.org,2026-01-31`, `user@example.org,2026` (RFC 4151 taggingEntity).
    static func isTagAuthority(_ text: String) -> Bool {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let authorityOK = parts[0].allSatisfy { $0.isLetter || $0.isNumber || "-.@_".contains($0) }
        let date = parts[1].split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(date.count), date[0].count == 4 else { return false }
        let dateOK = date.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            && date.dropFirst().allSatisfy { $0.count == 2 }
        return authorityOK && dateOK
    }

    /// A language tag, by the rule the writers apply (`LanguageTag`).
    static func isLanguageTag(_ text: String) -> Bool { LanguageTag.isWellFormed(text) }

    /// An absolute http(s) URL with a host, as `PublishableURL` lets through.
    static func isHTTPURL(_ text: String) -> Bool { PublishableURL.make(text) != nil }
}
