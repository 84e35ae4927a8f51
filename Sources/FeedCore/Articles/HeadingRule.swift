/// Decides whether a line standing alone between blank lines is a section heading.
///
/// A heading is short (at most 80 characters and 10 words), holds a letter, and does not end in sentence
/// punctuation, a closing quote or bracket (so "Topline" is one, "Dit-il." or "Le Monde (AP)" are not).
enum HeadingRule {
    static let maximumCharacters = 80
    static let maximumWords = 10
    private static let finalPunctuation: Set<Unicode.Scalar> = [
        ".", "!", "?", ":", ";", ",", "…", "»", "«", "\"", "”", "“", "’", "'", ")", "]", "}", "-", "–", "—",
    ]

    static func isHeading(_ line: [UInt8]) -> Bool {
        guard !line.isEmpty, line.count <= maximumCharacters * 4 else { return false }
        var characters = 0, words = 1, hasLetter = false
        for byte in line {
            if byte & 0xC0 != 0x80 { characters += 1 }
            if byte == 0x20 { words += 1 }
            if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0xC0 { hasLetter = true }
        }
        guard characters <= maximumCharacters, words <= maximumWords, hasLetter else { return false }
        let text = String(decoding: line, as: UTF8.self)
        guard let last = text.unicodeScalars.last else { return false }
        return !finalPunctuation.contains(last)
    }
}
