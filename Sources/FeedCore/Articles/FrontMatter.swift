import Foundation

/// The fields feedd reads from a Markdown article's front matter (`key: value` lines between `---` lines).
struct FrontMatter {
    var title: String?
    var link: String?
    var language: String?
    var date: Date?
    /// `tags`, `categories`, `category` or `keywords`: `[a, b]` or `a, b`, each once, in order.
    var categories: [String] = []

    /// The front matter and the index of the first body line; no opening or closing `---`, no front matter.
    static func parse(_ lines: [[UInt8]]) -> (FrontMatter, Int) {
        let fence = Array("---".utf8)
        var result = FrontMatter()
        guard lines.first == fence,
              let close = lines.dropFirst().firstIndex(where: { $0 == fence || $0 == Array("...".utf8) }) else {
            return (result, 0)
        }
        for line in lines[1..<close] {
            guard let colon = line.firstIndex(of: 0x3A) else { continue }
            let key = String(decoding: line[..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
            let value = unquote(String(decoding: line[(colon + 1)...], as: UTF8.self))
            guard !value.isEmpty else { continue }
            switch key {
            case "title": result.title = value
            case "link", "url", "source": result.link = value
            case "lang", "language": result.language = value
            case "date": result.date = FrontMatterDate.parse(value)
            case "tags", "categories", "category", "keywords":
                for item in list(value) where !result.categories.contains(item) { result.categories.append(item) }
            default: break
            }
        }
        return (result, close + 1)
    }

    /// The items of `[a, "b"]` or `a, b` (YAML's flow sequence, or a plain list), unquoted, none empty.
    static func list(_ value: String) -> [String] {
        var inner = Substring(value)
        if inner.hasPrefix("["), inner.hasSuffix("]") { inner = inner.dropFirst().dropLast() }
        return inner.split(separator: ",").map { unquote(String($0)) }.filter { !$0.isEmpty }
    }

    /// The value trimmed, without one pair of surrounding quotes.
    private static func unquote(_ raw: String) -> String {
        let value = raw.trimmingCharacters(in: .whitespaces)
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            return String(value.dropFirst().dropLast())
        }
        return value
    }
}
