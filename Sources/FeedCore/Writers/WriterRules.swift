import Foundation

/// Rules every writer shares: the feed's date, and which values a format can carry as they are.
enum WriterRules {
    /// The feed's `updated`: the newest `updated` among the entries (whatever their order), else `empty`.
    static func feedUpdated(_ entries: [Entry], empty: Date) -> Date {
        entries.lazy.map(\.updated).max() ?? empty
    }

    /// Whether the value is a language tag as RFC 3066 spells it (`fr`, `en-GB`), the pattern atom.rng checks.
    static func isLanguageTag(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// The language when it is a well-formed tag, `nil` otherwise (an invalid `xml:lang` would break the document).
    static func languageTag(_ value: String?) -> String? {
        value.flatMap { isLanguageTag($0) ? $0 : nil }
    }

    /// Whether the value looks like an e-mail address: text on both sides of an `@` (atom.rng `atomEmailAddress`).
    static func isEmail(_ value: String) -> Bool {
        guard let at = value.firstIndex(of: "@") else { return false }
        return at != value.startIndex && value.index(after: at) != value.endIndex
    }

    /// Whether two language tags name the same language (tags compare case-insensitively, RFC 4646 §2.1).
    static func sameLanguage(_ a: String?, _ b: String?) -> Bool {
        a?.lowercased() == b?.lowercased()
    }
}
