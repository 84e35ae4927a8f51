/// Removes `XNUMX`, the placeholder some machine translators leave where a number was.
///
/// The token goes with what only made sense beside the number: a currency or sign before it, an ordinal
/// suffix, `%`, `‰` or `°` after it, and brackets around it (`(XNUMX)`). A word reduced to closing
/// punctuation is glued to the word before it (`soldats XNUMX.` → `soldats.`); an emptied word disappears.
enum XNUMXRemover {
    private static let token: [UInt8] = Array("XNUMX".utf8)
    private static let signsBefore: Set<Unicode.Scalar> = ["$", "€", "£", "¥", "+", "-", "−", "–", "~", "±", "#", "№"]
    private static let unitsAfter: Set<Unicode.Scalar> = ["%", "‰", "°", "€", "$", "£", "¥"]
    private static let ordinalSuffixes: [String] = ["ème", "eme", "ère", "ere", "er", "e", "th", "st", "nd", "rd", "º", "ª"]
    private static let closingPunctuation: Set<Unicode.Scalar> = [
        ",", ".", ";", ":", "!", "?", "…", "»", ")", "]", "\"", "”", "’", "'",
    ]

    /// True when the line holds the token anywhere.
    static func containsToken(_ line: [UInt8]) -> Bool {
        guard line.count >= token.count else { return false }
        var index = 0
        while index <= line.count - token.count {
            if line[index] == 0x58, line[index + 1] == 0x4E, line[index + 2] == 0x55,
               line[index + 3] == 0x4D, line[index + 4] == 0x58 { return true }
            index += 1
        }
        return false
    }

    /// The line without the token, re-spaced.
    static func remove(from line: [UInt8]) -> [UInt8] {
        var words: [String] = []
        for word in line.split(separator: 0x20) {
            let text = String(decoding: word, as: UTF8.self)
            guard text.contains("XNUMX") else { words.append(text); continue }
            let rest = strip(text)
            if rest.isEmpty { continue }
            if let last = words.indices.last, rest.unicodeScalars.allSatisfy(closingPunctuation.contains) {
                words[last] += rest
            } else {
                words.append(rest)
            }
        }
        return Array(words.joined(separator: " ").utf8)
    }

    /// One word without its tokens and their number-bound neighbours.
    private static func strip(_ word: String) -> String {
        var scalars = Array(word.unicodeScalars)
        let tokenScalars = Array("XNUMX".unicodeScalars)
        while let start = firstIndex(of: tokenScalars, in: scalars) {
            var lower = start, upper = start + tokenScalars.count
            while lower > 0, signsBefore.contains(scalars[lower - 1]) { lower -= 1 }
            upper += ordinalLength(in: scalars, at: upper)
            while upper < scalars.count, unitsAfter.contains(scalars[upper]) { upper += 1 }
            if lower > 0, upper < scalars.count,
               (scalars[lower - 1] == "(" && scalars[upper] == ")") || (scalars[lower - 1] == "[" && scalars[upper] == "]") {
                lower -= 1
                upper += 1
            }
            scalars.removeSubrange(lower..<upper)
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    private static func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    /// The length of an ordinal suffix (`XNUMXe`, `XNUMXth`) at `index` that ends its word, else 0.
    private static func ordinalLength(in scalars: [Unicode.Scalar], at index: Int) -> Int {
        for suffix in ordinalSuffixes {
            let suffixScalars = Array(suffix.unicodeScalars)
            let end = index + suffixScalars.count
            guard end <= scalars.count, Array(scalars[index..<end]) == suffixScalars else { continue }
            if end == scalars.count || !scalars[end].properties.isAlphabetic { return suffixScalars.count }
        }
        return 0
    }
}
