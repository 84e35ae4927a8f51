import FeedXML

/// Applies `HTMLAllowlist.Rule`s to attribute values.
extension HTMLAllowlist.Rule {
    /// The value to write, or nil to drop the attribute.
    func apply(to value: String, urls: URLFilter) -> String? {
        switch self {
        case .text:
            return value
        case .url(let kind):
            return urls.filter(value, as: kind)
        case .srcset:
            return SrcSet.filter(value, urls: urls)
        case .dimension:
            var trimmed = Substring(URICharacters.trimmed(value).lowercased())
            if trimmed.hasSuffix("px") { trimmed = trimmed.dropLast(2) }
            let isPercent = trimmed.hasSuffix("%")
            let digits = isPercent ? trimmed.dropLast() : trimmed
            guard (1...6).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return String(trimmed)
        case .count:
            let trimmed = URICharacters.trimmed(value)
            guard (1...4).contains(trimmed.count), trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return trimmed
        case .integer:
            let trimmed = URICharacters.trimmed(value)
            let digits = trimmed.hasPrefix("-") ? trimmed.dropFirst() : Substring(trimmed)
            guard (1...9).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return trimmed
        case .boolean:
            return ""
        case .language:
            let trimmed = URICharacters.trimmed(value)
            guard (1...35).contains(trimmed.count),
                trimmed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            else { return nil }
            return trimmed
        case .oneOf(let allowed):
            let lowered = URICharacters.trimmed(value).lowercased()
            return allowed.contains(lowered) ? lowered : nil
        case .caseSensitiveOneOf(let allowed):
            let trimmed = URICharacters.trimmed(value)
            return allowed.contains(trimmed) ? trimmed : nil
        }
    }
}
