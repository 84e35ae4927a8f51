import Foundation

/// Rules every writer shares: the feed's date, and which values a format can carry as they are.
enum WriterRules {
    /// The content of the `xml-stylesheet` processing instruction that `atom.xml` and `rss.xml` carry: the
    /// stylesheet by a relative reference (W3C "Associating Style Sheets with XML documents"), so a browser
    /// shows the feed as a page (`FeedStylesheet`) wherever the directory is served; readers ignore it.
    static func stylesheetInstruction(_ files: OutputFiles) -> String {
        "type=\"text/xsl\" href=\"\(FileURL.sibling(files.stylesheet))\""
    }

    /// The feed's `updated`: the newest `updated` among the entries (whatever their order), else `empty`.
    static func feedUpdated(_ entries: [Entry], empty: Date) -> Date {
        entries.lazy.map(\.updated).max() ?? empty
    }

    /// The language when it is a well-formed tag, `nil` otherwise (an invalid `xml:lang` would break the document).
    static func languageTag(_ value: String?) -> String? {
        value.flatMap { LanguageTag.isWellFormed($0) ? $0 : nil }
    }

    /// Whether the value looks like an e-mail address: text on both sides of an `@` (atom.rng `atomEmailAddress`).
    static func isEmail(_ value: String) -> Bool {
        guard let at = value.firstIndex(of: "@") else { return false }
        return at != value.startIndex && value.index(after: at) != value.endIndex
    }
}
