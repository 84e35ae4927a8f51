/// What the non-ASCII text of one language mostly consists of, to tell a right decoding from a wrong one:
/// a wrong one gives rare characters, or letters of the right script in the wrong case or order.
///
/// Latin languages put accented letters alone inside ASCII words, so only short runs of them count;
/// other alphabets write whole words outside ASCII, so only letters inside longer runs count. Characters
/// no text holds (C1 controls, private use, U+FFFD) count twice against, and those of another language's
/// script (ideographs in Korean, kana or Hangul in Chinese) once.
struct LanguageProfile: Sendable {
    enum Script: Sendable { case latin, alphabet, ideographic }

    let script: Script
    let common: Set<Unicode.Scalar>
    let commonRanges: [ClosedRange<UInt32>]
    let foreignRanges: [ClosedRange<UInt32>]

    init(_ script: Script, _ common: String, ranges: [ClosedRange<UInt32>] = [], foreign: [ClosedRange<UInt32>] = []) {
        self.script = script
        self.common = Set(common.unicodeScalars).union(Self.typography.unicodeScalars)
        self.commonRanges = ranges
        self.foreignRanges = foreign
    }

    /// Punctuation every language here writes outside ASCII.
    static let typography = "\u{A0}–—…“”‘’«»„•°№€©"

    /// The share (at most 1) of non-ASCII characters that are expected, less the share of foreign ones and
    /// twice that of impossible ones.
    func score(_ text: String) -> Double {
        var expected = 0, penalty = 0, total = 0
        var run: [Unicode.Scalar] = []
        func close() {
            for scalar in run {
                if Self.isImpossible(scalar) {
                    penalty += 2
                } else if isExpected(scalar, runLength: run.count) {
                    expected += 1
                } else if foreignRanges.contains(where: { $0.contains(scalar.value) }) {
                    penalty += 1
                }
            }
            total += run.count
            run.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII { close() } else { run.append(scalar) }
        }
        close()
        return total == 0 ? 0 : Double(expected - penalty) / Double(total)
    }

    private func isExpected(_ scalar: Unicode.Scalar, runLength: Int) -> Bool {
        switch script {
        case .latin: runLength <= 2 && common.contains(scalar)
        case .alphabet: (runLength >= 2 && common.contains(scalar)) || Self.typography.unicodeScalars.contains(scalar)
        case .ideographic: common.contains(scalar) || commonRanges.contains { $0.contains(scalar.value) }
        }
    }

    private static func isImpossible(_ scalar: Unicode.Scalar) -> Bool {
        (0x80...0x9F).contains(scalar.value) || (0xE000...0xF8FF).contains(scalar.value) || scalar.value == 0xFFFD
    }

    /// CJK punctuation and full-width forms.
    static let cjkPunctuation: [ClosedRange<UInt32>] = [0x3000...0x303F, 0xFF01...0xFF5E]
    static let kana: ClosedRange<UInt32> = 0x3040...0x30FF
    static let hangul: ClosedRange<UInt32> = 0xAC00...0xD7A3
    static let ideographs: ClosedRange<UInt32> = 0x4E00...0x9FFF

    static let westernLatin = LanguageProfile(.latin, "éèàêçôûîïüöäßñáíóúâëùœæøåãõÉÈÀÇÜÖÄÑÁÍÓÚÂÊÔ")
    static let centralLatin = LanguageProfile(
        .latin, "ąćęłńśźżčďěňřšťůžáéíóúýöüőűäôăâîşţĄĆĘŁŃŚŹŻČĎĚŇŘŠŤŮŽÁÉÍÓÚÝÖÜ")
    static let turkish = LanguageProfile(.latin, "çğıöşüâîûÇĞİÖŞÜ")
    static let baltic = LanguageProfile(.latin, "ąčęėįšųūžāēģīķļņōŗõäöüĄČĘĖĮŠŲŪŽĀĒĢĪĶĻŅ")
    /// The twelve most frequent Russian letters, lower case (KOI8-R read as Windows-1251 gives upper case).
    static let russian = LanguageProfile(.alphabet, "оеаинтсрвлкм")
    static let greek = LanguageProfile(.alphabet, "αοιετσνηυρπκμλάίέόήςύώ")
    static let hebrew = LanguageProfile(.alphabet, "יוהלמארבתשנעדכם")
    static let arabic = LanguageProfile(.alphabet, "اليمونهرتبعفكةدس")
    /// Kana carry Japanese text; a few frequent kanji help short titles.
    static let japanese = LanguageProfile(
        .ideographic, "日本人年大中出一事会国上生時行見月分後前自者今新思方手気地学間社長高",
        ranges: [kana] + cjkPunctuation, foreign: [hangul])
    static let simplifiedChinese = LanguageProfile(
        .ideographic,
        "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方" +
        "多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日者意无力它与长把机十民第公此已工使情明" +
        "性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西月话合回特代内信表化老给世位" +
        "次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活更别打女变四神总何电数安少报才结反受目太量再感" +
        "建务做接必场件计管期市直资命山金指许统区保至队形社便空决治展",
        ranges: cjkPunctuation, foreign: [kana, hangul])
    static let traditionalChinese = LanguageProfile(
        .ideographic,
        "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡用道行所然家種事成方" +
        "多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實日者意無力它與長把機十民第公此已工使情明" +
        "性知全三又關點正業外將兩高間由問很最重並物手應戰向頭文體政美相見被利什二等產或新己制身果加西月話合回特代內信表化老給世位" +
        "次度門任常先海通教兒原東聲提立及比員解水名真論處走義各入幾口認條平系氣題活更別打女變四神總何電數安少報才結反受目太量再感" +
        "建務做接必場件計管期市直資命山金指許統區保至隊形社便空決治展",
        ranges: cjkPunctuation, foreign: [kana, hangul])
    /// Hangul syllables carry Korean text.
    static let korean = LanguageProfile(
        .ideographic, "", ranges: [hangul] + cjkPunctuation, foreign: [kana, ideographs])
}
