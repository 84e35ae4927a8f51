import FeedXML

/// Guesses the encoding of a document that declares none and is not UTF-8 (run only then, on its first
/// 64 KiB): each candidate that decodes the bytes without error is scored by how much of its non-ASCII
/// text is the common characters of its language (`LanguageProfile`); the best wins, Windows-1252 on a tie
/// or when nothing fits.
enum CharsetDetector {
    /// How much of the document is looked at.
    static let windowLength = 64 << 10

    /// The fallback, as feedparser's when it has no detector.
    static let fallback = "windows-1252"

    /// Candidates in order of preference on equal scores, each with the profile of its language.
    static let candidates: [(encoding: String, profile: LanguageProfile)] = [
        ("windows-1252", .westernLatin), ("windows-1250", .centralLatin), ("windows-1254", .turkish),
        ("windows-1257", .baltic), ("shift_jis", .japanese), ("euc-jp", .japanese), ("gbk", .simplifiedChinese),
        ("big5", .traditionalChinese), ("euc-kr", .korean), ("windows-1251", .russian), ("koi8-r", .russian),
        ("windows-1253", .greek), ("windows-1255", .hebrew), ("windows-1256", .arabic),
    ]

    /// The iconv names used to decode (supersets where Windows uses them: CP932 for Shift_JIS, CP949 for EUC-KR).
    static func decoderName(_ encoding: String) -> String {
        switch encoding {
        case "shift_jis": "CP932"
        case "euc-kr": "CP949"
        default: encoding
        }
    }

    /// The encoding the bytes most plausibly are in (a name `CharsetDecoder` can convert from).
    static func detect(_ bytes: ArraySlice<UInt8>) -> String {
        let window = safePrefix(bytes)
        guard window.contains(where: { $0 >= 0x80 }) else { return fallback }
        var best = (encoding: fallback, score: 0.0)
        for (encoding, profile) in candidates {
            guard let utf8 = SAXTranscoder.utf8(from: Array(window), encoding: decoderName(encoding)) else { continue }
            let score = profile.score(String(decoding: utf8, as: UTF8.self))
            if score > best.score { best = (encoding, score) }
        }
        return best.score >= minimumScore ? best.encoding : fallback
    }

    /// Below this share of expected characters, no candidate is believed.
    static let minimumScore = 0.15

    /// The first `windowLength` bytes, cut after the last byte below 0x40 so that no multibyte character
    /// is cut in two (no candidate uses such a byte inside a character).
    private static func safePrefix(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard bytes.count > windowLength else { return bytes }
        let window = bytes.prefix(windowLength)
        guard let last = window.lastIndex(where: { $0 < 0x40 }) else { return window }
        return window[..<(last + 1)]
    }
}
