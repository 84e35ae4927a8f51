import Testing
@testable import FeedCore

/// Documents that declare no encoding and are not UTF-8 are read in the encoding their text fits.
@Suite("Charset detection")
struct CharsetDetectionTests {
    static let undeclared: [(String, String, String)] = [
        ("undeclared-shift-jis.xml", "shift_jis", "図書館が新しい閲覧室を開きました"),
        ("undeclared-euc-jp.xml", "euc-jp", "朝は霧が深く、昼から晴れるでしょう"),
        ("undeclared-gbk.xml", "gbk", "新的地铁线路下个月开通"),
        ("undeclared-big5.xml", "big5", "今年春茶的收成比去年好"),
        ("undeclared-euc-kr.xml", "euc-kr", "어시장이 새벽 다섯 시에 문을 엽니다"),
        ("undeclared-koi8r.xml", "koi8-r", "В парке открылась новая библиотека"),
        ("undeclared-windows1251.xml", "windows-1251", "В парке открылась новая библиотека"),
        ("undeclared-windows1250.xml", "windows-1250", "Nowa ścieżka rowerowa już otwarta"),
        ("undeclared-windows1253.xml", "windows-1253", "Άνοιξε νέα βιβλιοθήκη στο πάρκο"),
    ]

    @Test("the text is decoded in the encoding detected, with a warning naming it", arguments: undeclared)
    func detected(name: String, encoding: String, firstTitle: String) throws {
        let feed = try FeedParser().parse(FixturePaths.bytes(name), documentURL: nil, httpCharset: nil)
        #expect(feed.entries.first?.title?.value == firstTitle)
        #expect(feed.bozo)
        #expect(feed.warnings.contains("no encoding declared and the bytes are not UTF-8: read as \(encoding)"))
    }

    @Test("the same document streamed in small pieces decodes the same", arguments: undeclared)
    func detectedWhenStreamed(name: String, encoding: String, firstTitle: String) throws {
        let collector = ParsedEntryCollector()
        _ = try FeedParser().parse(InMemoryDocument(FixturePaths.bytes(name), pieceSize: 7), documentURL: nil, httpCharset: nil,
                                   into: collector)
        #expect(collector.entries.first?.title?.value == firstTitle)
    }

    @Test("Western text stays Windows-1252", arguments: [
        "Caf\u{E9} cr\u{E8}me br\u{FB}l\u{E9}e \u{E0} la fran\u{E7}aise",
        "Stra\u{DF}enbahn f\u{E4}hrt \u{FC}ber die Br\u{FC}cke",
        "Ni\u{F1}os y se\u{F1}oras en la estaci\u{F3}n \u{201C}central\u{201D}",
        "Un seul caf\u{E9}",
    ])
    func western(text: String) throws {
        let bytes = Array("<rss version=\"2.0\"><channel><title>t</title><item><title>".utf8)
            + windows1252(text) + Array("</title></item></channel></rss>".utf8)
        #expect(CharsetDetector.detect(bytes[...]) == "windows-1252")
        let feed = try FeedParser().parse(bytes, documentURL: nil, httpCharset: nil)
        #expect(feed.entries.first?.title?.value == text)
    }

    @Test("a declared encoding is never second-guessed")
    func declaredWins() throws {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"windows-1252\"?>".utf8) + (try FixturePaths.bytes("undeclared-koi8r.xml")).dropFirst(21)
        let feed = try FeedParser().parse(Array(bytes), documentURL: nil, httpCharset: nil)
        #expect(feed.entries.first?.title?.value != "В парке открылась новая библиотека")
    }

    /// Encodes text whose characters all exist in Windows-1252 (the few used here above U+00FF included).
    private func windows1252(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            switch scalar {
            case "\u{201C}": 0x93
            case "\u{201D}": 0x94
            default: UInt8(scalar.value)
            }
        }
    }
}
