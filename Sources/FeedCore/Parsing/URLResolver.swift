import Foundation

/// Resolves references against a base (RFC 3986 §5) with Foundation's `URL(string:relativeTo:)`.
enum URLResolver {
    /// The absolute form of `reference`, or the reference itself (trimmed) when it cannot be resolved.
    static func resolve(_ reference: String, against base: String?) -> String {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let base, !base.isEmpty, !trimmed.contains("://") else { return trimmed }
        guard let baseURL = URL(string: base), let resolved = URL(string: trimmed, relativeTo: baseURL) else {
            return trimmed
        }
        return resolved.absoluteString
    }
}
