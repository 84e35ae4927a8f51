import Foundation

/// Reads the one-line people of RSS (`jo@example.com (Jo Smith)`, `Jo Smith <jo@example.com>`, `Jo Smith`).
enum PersonLine {
    static func parse(_ line: String) -> Author? {
        if !line.utf8.contains(where: { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "<") }) {
            let name = line.trimmingWhitespace()
            return name.isEmpty ? nil : Author(name: name)
        }
        let words = line.split(whereSeparator: \.isWhitespace)
        var email: String?
        var rest: [Substring] = []
        for word in words {
            let bare = word.trimming { "<>()[],;\"'".contains($0) }
            if email == nil, bare.contains(Character("@")), !bare.hasPrefix("@"), !bare.hasSuffix("@") {
                email = bare.hasPrefix("mailto:") ? String(bare.dropFirst(7)) : bare
            } else {
                rest.append(word)
            }
        }
        var name = rest.joined(separator: " ")
        for (open, close) in [("(", ")"), ("<", ">")] where name.hasPrefix(open) && name.hasSuffix(close) {
            name = String(name.dropFirst().dropLast())
        }
        name = name.trimmingWhitespace()
        guard !name.isEmpty || email != nil else { return nil }
        return Author(name: name.isEmpty ? nil : name, email: email)
    }
}
