/// Language tags as feedd accepts and writes them.
public enum LanguageTag {
    /// Whether `value` is a language tag feedd accepts (`fr`, `en-GB`, `zh-Hant-TW`, `x-klingon`): a
    /// primary subtag of 2 or 3 letters (ISO 639), or the private-use `x` or grandfathered `i` singleton,
    /// then subtags of 1 to 8 letters or digits. Every such tag also fits the RFC 3066 pattern atom.rng
    /// checks for `xml:lang`; the configuration and every writer use this one rule.
    public static func isWellFormed(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        let singleton = first.count == 1 && (first == "x" || first == "X" || first == "i" || first == "I")
        guard (2...3).contains(first.count) || (singleton && parts.count > 1) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
