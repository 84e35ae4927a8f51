/// Guesses the language of a text by counting frequent function words (stop words) in its first few KB.
///
/// A word found in one language's list counts 3 for it; one shared by several lists counts 1 for each.
/// The guess stands when the best language has enough evidence and a clear lead over the runner-up.
struct LanguageDetector {
    static let languages = ["fr", "en", "de", "es", "it", "pt", "nl"]
    /// Bytes of text scored at most.
    static let budget = 3072
    static let minimumScore = 12
    /// A score that ends the scan early when it is also twice the runner-up's.
    static let decisiveScore = 60

    private static let stopWords: [String: [String]] = [
        "fr": ["le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "pour", "que", "qui", "dans", "pas",
               "sur", "au", "aux", "avec", "ce", "cette", "il", "elle", "ont", "sont", "été", "mais", "ou", "plus",
               "par", "son", "ses", "leur", "nous", "vous", "à", "selon", "aussi", "très", "où", "déjà", "après",
               "entre", "sans", "sous", "d", "l", "qu", "était", "ils", "lors", "depuis"],
        "en": ["the", "and", "of", "to", "in", "is", "that", "it", "was", "for", "on", "with", "as", "by", "at",
               "from", "has", "have", "had", "be", "been", "are", "were", "an", "this", "which", "would", "will",
               "not", "but", "or", "its", "their", "they", "he", "she", "said", "who", "after", "than", "more",
               "also", "could", "should", "about"],
        "de": ["der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "dem", "den", "des", "mit",
               "sich", "auf", "für", "von", "zu", "auch", "im", "nach", "wird", "wurde", "sind", "hat", "bei", "aus",
               "über", "oder", "aber", "dass", "als", "noch", "wie", "vor", "einer", "nur", "kein", "keine", "zum",
               "zur", "sehr", "laut", "während", "gegen", "unter", "mehr"],
        "es": ["el", "la", "los", "las", "del", "que", "y", "en", "un", "una", "por", "con", "para", "es", "se",
               "no", "al", "lo", "su", "sus", "como", "más", "pero", "está", "fue", "han", "ha", "este", "esta",
               "sin", "sobre", "también", "muy", "según", "ya", "había", "están", "entre", "durante", "cada", "ni",
               "después", "contra"],
        "it": ["il", "di", "che", "e", "è", "la", "le", "del", "della", "dei", "delle", "un", "una", "per", "non",
               "con", "sono", "gli", "nel", "nella", "anche", "più", "ma", "come", "ha", "alla", "questo", "sul",
               "dal", "degli", "essere", "stato", "dopo", "tra", "loro", "l"],
        "pt": ["o", "os", "a", "as", "de", "do", "da", "dos", "das", "e", "é", "em", "um", "uma", "que", "não",
               "para", "com", "por", "no", "na", "nos", "nas", "mais", "ao", "se", "foi", "são", "também", "mas",
               "pelo", "pela", "seu", "sua", "ele", "ela", "está", "isso", "até"],
        "nl": ["de", "het", "een", "en", "van", "in", "is", "dat", "op", "te", "zijn", "voor", "met", "niet", "die",
               "aan", "er", "ook", "als", "bij", "door", "om", "maar", "naar", "werd", "wordt", "nog", "zal", "over",
               "heeft", "deze", "hij", "zij", "wij", "worden", "tegen", "geen"],
    ]

    /// Per stop word (keyed by its FNV-1a hash), the points it gives each language, in `languages` order.
    private static let table: [UInt64: [UInt8]] = {
        var owners: [String: [Int]] = [:]
        for (index, language) in languages.enumerated() {
            for word in stopWords[language] ?? [] { owners[word, default: []].append(index) }
        }
        var table: [UInt64: [UInt8]] = [:]
        for (word, languageIndices) in owners {
            var points = [UInt8](repeating: 0, count: languages.count)
            for index in languageIndices { points[index] = languageIndices.count == 1 ? 3 : 1 }
            table[FNV1a64.hash(Array(word.utf8))] = points
        }
        return table
    }()
    private static let longestWord = stopWords.values.joined().map(\.utf8.count).max() ?? 0

    private var scores = [Int](repeating: 0, count: LanguageDetector.languages.count)
    private var remaining = LanguageDetector.budget

    /// True once the budget is spent or one language leads clearly: further text is not needed.
    var isSaturated: Bool {
        guard remaining > 0 else { return true }
        let ordered = scores.sorted(by: >)
        return ordered[0] >= LanguageDetector.decisiveScore && ordered[0] >= 2 * ordered[1]
    }

    /// Scores the words of `text`, within the remaining budget.
    mutating func score(_ text: String) {
        var text = text
        text.withUTF8 { score(buffer: $0) }
    }

    /// Scores the words of UTF-8 `bytes`, within the remaining budget.
    mutating func score(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { score(buffer: $0) }
    }

    private mutating func score(buffer: UnsafeBufferPointer<UInt8>) {
        guard remaining > 0 else { return }
        let scanned = min(buffer.count, remaining)
        var hasher = FNV1a64()
        var length = 0
        for byte in UnsafeBufferPointer(rebasing: buffer[..<scanned]) {
            if LanguageDetector.isWordByte(byte) {
                hasher.add(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                length += 1
            } else {
                count(hasher.value, length: length)
                hasher = FNV1a64()
                length = 0
            }
        }
        count(hasher.value, length: length)
        remaining -= scanned
    }

    /// The best language when the evidence is clear, else nil.
    var language: String? {
        var best = 0, second = 0, bestIndex = -1
        for (index, score) in scores.enumerated() {
            if score > best {
                second = best
                best = score
                bestIndex = index
            } else if score > second {
                second = score
            }
        }
        guard bestIndex >= 0, best >= LanguageDetector.minimumScore, best * 4 >= second * 5 else { return nil }
        return LanguageDetector.languages[bestIndex]
    }

    /// Adds the points of the word whose FNV-1a hash is `hash`.
    private mutating func count(_ hash: UInt64, length: Int) {
        guard length > 0, length <= LanguageDetector.longestWord,
              let points = LanguageDetector.table[hash] else { return }
        for index in points.indices { scores[index] += Int(points[index]) }
    }

    /// Letters (ASCII or any non-ASCII byte) and nothing else: apostrophes split `l'invasion` into `l` and `invasion`.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }
}
