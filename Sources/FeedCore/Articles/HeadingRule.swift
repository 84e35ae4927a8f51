/// Decides whether a line standing alone between blank lines is a section heading.
///
/// A heading is short (at most 80 characters and 10 words), holds a letter, and does not end in sentence
/// punctuation, a closing quote or bracket (so "Topline" is one, "Dit-il." or "Le Monde (AP)" are not).
/// Scripts written without spaces (Chinese, Japanese, Korean) carry more per character: a line holding them
/// is a heading only up to 30 characters, and their own full stops and brackets end sentences too.
enum HeadingRule {
    static let maximumCharacters = 80
    static let maximumWords = 10
    static let maximumDenseCharacters = 30
    private static let finalPunctuation: Set<Unicode.Scalar> = [
        ".", "!", "?", ":", ";", ",", "…", "»", "«", "\"", "”", "“", "’", "'", ")", "]", "}", "-", "–", "—",
        // Full-width and other scripts' sentence ends and closing brackets.
        "。", "．", "！", "？", "：", "；", "，", "、", "」", "』", "）", "】", "〕", "〉", "》", "｣",
        "؟", "۔", "।", "॥", "።", "჻",
    ]

    /// Han, kana, Hangul and full-width forms: the scripts whose lines say much in few characters.
    static func isDense(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF,
            0x20000...0x2FA1F: true
        default: false
        }
    }

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
        if characters > maximumDenseCharacters, text.unicodeScalars.contains(where: isDense) { return false }
        return !finalPunctuation.contains(last)
    }
}
