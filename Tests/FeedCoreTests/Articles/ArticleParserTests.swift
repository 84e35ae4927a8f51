import FeedCore
import Foundation
import Testing

@Suite struct ArticleParserTests {
    let parser = ArticleParser(defaultLanguage: "und")

    static let frenchArticle = """
        Les péniches électriques arrivent sur le canal du Midi

        Topline

        Une société de Toulouse a présenté jeudi une péniche électrique qui doit transporter des touristes entre Castelnaudary et Carcassonne dès le printemps, selon ses dirigeants.

        Fond clé

        Le canal accueille chaque année des milliers de bateaux de location, et les communes riveraines demandent depuis longtemps que le bruit des moteurs soit réduit.

        Source : https://example.org/occitanie/2026/03/19/peniches-electriques/
        """

    /// The same article as LF, CRLF, CR, with a BOM, in Latin-1 and in UTF-16 (LE and BE).
    static let variants: [(String, [UInt8])] = {
        let text = frenchArticle + "\n"
        let latin1 = text.unicodeScalars.map { UInt8($0.value) }
        let utf16 = Array(text.utf16)
        let littleEndian: [UInt8] = [0xFF, 0xFE] + utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let bigEndian: [UInt8] = [0xFE, 0xFF] + utf16.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        return [
            ("lf", Array(text.utf8)),
            ("crlf", Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
            ("cr", Array(text.replacingOccurrences(of: "\n", with: "\r").utf8)),
            ("bom", [0xEF, 0xBB, 0xBF] + Array(text.utf8)),
            ("latin1", latin1),
            ("utf16le", littleEndian),
            ("utf16be", bigEndian),
            ("trailing spaces", Array(text.replacingOccurrences(of: "\n", with: " \t\n").utf8)),
        ]
    }()

    @Test func encodingsAndLineEndingsGiveTheSameHash() throws {
        let hashes = try Self.variants.map { name, bytes in
            (name, try parser.parse(bytes, fileName: "a.txt").contentHash)
        }
        let reference = hashes[0].1
        #expect(reference.count == 16 && reference.allSatisfy { "0123456789abcdef".contains($0) })
        for (name, hash) in hashes { #expect(hash == reference, "\(name)") }
    }

    @Test func textParts() throws {
        let article = try parser.parse(Array(Self.frenchArticle.utf8), fileName: "000_0123456789abcdef.txt")
        #expect(article.title == "Les péniches électriques arrivent sur le canal du Midi")
        #expect(article.language == "fr")
        #expect(article.link == "https://example.org/occitanie/2026/03/19/peniches-electriques/")
        #expect(article.originalDate == Date(timeIntervalSince1970: 1_773_878_400))
        #expect(article.blocks.count == 4)
        #expect(article.blocks.first == .heading("Topline"))
        #expect(article.summary?.hasPrefix("Une société de Toulouse") == true)
    }

    @Test(arguments: [
        ("Source : https://e.org/a", "https://e.org/a"),
        ("Source: https://e.org/a", "https://e.org/a"),
        ("source:https://e.org/a", "https://e.org/a"),
        ("Sources : https://e.org/a", "https://e.org/a"),
        ("SOURCE : <https://e.org/a>", "https://e.org/a"),
        ("Quelle: https://e.org/a", "https://e.org/a"),
        ("Fuente: http://e.org/a", "http://e.org/a"),
        ("Fonte: https://e.org/a", "https://e.org/a"),
        ("Bron: https://e.org/a", "https://e.org/a"),
        ("Source\u{A0}: https://e.org/a", "https://e.org/a"),
    ])
    func sourceLineVariants(_ line: String, _ link: String) throws {
        let article = try parser.parse(Array("Title\n\nBody text here.\n\n\(line)\n\n\n".utf8), fileName: "a.txt")
        #expect(article.link == link)
        #expect(article.blocks == [.paragraph("Body text here.")])
    }

    @Test(arguments: ["Source : Forbes", "Source de l'eau : la rivière", "See https://e.org/a"])
    func notASourceLine(_ line: String) throws {
        let article = try parser.parse(Array("Title\n\nBody text here.\n\n\(line)\n".utf8), fileName: "a.txt")
        #expect(article.link == nil)
        #expect(article.blocks.count == 2)
    }

    @Test func sourceLineIsOnlyTheLastOne() throws {
        let text = "Title\n\nSource : https://e.org/first\n\nMore text after it.\n"
        let article = try parser.parse(Array(text.utf8), fileName: "a.txt")
        #expect(article.link == nil)
    }

    @Test(arguments: [
        ("https://e.org/2022/09/22/x/", "2022-09-22"),
        ("https://e.org/news/2024-02-29/x", "2024-02-29"),
        ("https://e.org/a/2021/12/31", "2021-12-31"),
        ("https://e.org/2023/02/29/x/", nil),
        ("https://e.org/2022/13/01/x/", nil),
        ("https://e.org/2022/09/22x/", nil),
        ("https://e.org/2022-09/22/", nil),
        ("https://e.org/x/", nil),
    ] as [(String, String?)])
    func linkDates(_ link: String, _ expected: String?) throws {
        let article = try parser.parse(Array("Title\n\nBody.\n\nSource : \(link)\n".utf8), fileName: "a.txt")
        #expect(article.originalDate.map(ArticleTestSupport.dateText) == expected)
    }

    @Test(arguments: [
        ("300,000 XNUMX soldats", "300,000 soldats"),
        ("une hausse de XNUMX% cette année", "une hausse de cette année"),
        ("l'an dernier (XNUMX), selon", "l'an dernier, selon"),
        ("pour XNUMX.", "pour."),
        ("la XNUMXe escale", "la escale"),
        ("the XNUMXth day", "the day"),
        ("COVID-XNUMX cases", "COVID cases"),
        ("XNUMX XNUMX people", "people"),
        ("about $XNUMX million", "about million"),
        ("XNUMX", ""),
    ])
    func xnumxIsRemoved(_ input: String, _ expected: String) throws {
        let article = try parser.parse(Array("Title\n\nSome words before.\n\(input)\nEnd.\n".utf8), fileName: "a.txt")
        let expectedText = expected.isEmpty ? "Some words before. End." : "Some words before. \(expected) End."
        #expect(article.blocks == [.paragraph(expectedText)])
    }

    @Test func whitespaceAndControlCharacters() throws {
        let text = "  Title\u{00A0}\u{00A0}with\tspaces \u{0007}\n\nA\u{0001} body\u{200B} with\u{202F}narrow \u{FEFF}spaces\u{0085}.\n"
        let article = try parser.parse(Array(text.utf8), fileName: "a.txt")
        #expect(article.title == "Title with spaces")
        #expect(article.blocks == [.paragraph("A body with narrow spaces.")])
    }

    @Test func escapesExactlyOnce() throws {
        let article = try parser.parse(Array("A & B\n\nx &amp; <b>\"y\"</b>.\n".utf8), fileName: "a.txt")
        #expect(article.title == "A & B")
        #expect(article.contentHTML == "<p>x &amp;amp; &lt;b&gt;&quot;y&quot;&lt;/b&gt;.</p>")
    }

    @Test(arguments: [
        ("Topline", true),
        ("Ce qu'il faut surveiller", true),
        ("Il a dit non.", false),
        ("Pourquoi maintenant ?", false),
        ("Notes :", false),
        ("Le Monde (AFP)", false),
        ("« Nous verrons »", false),
        ("2024", false),
        ("one two three four five six seven eight nine ten eleven", false),
        // Scripts without spaces: their own sentence ends, and a tighter length.
        ("概要", true),
        ("주요 내용", true),
        ("区立図書館は来月から開館時間を延長すると発表した。", false),
        ("区立図書館は来月から平日の開館時間を午後九時まで延長すると発表した", false),
        ("なぜ今なのか？", false),
        ("هل هذا عنوان؟", false),
    ])
    func headingRule(_ line: String, _ isHeading: Bool) throws {
        let article = try parser.parse(Array("Title\n\n\(line)\n\nA body paragraph.\n".utf8), fileName: "a.txt")
        #expect((article.blocks.first == .heading(line)) == isHeading, "\(line)")
    }

    @Test func aShortLineInsideAParagraphIsNoHeading() throws {
        let article = try parser.parse(Array("Title\n\nTopline\nand more text follows.\n".utf8), fileName: "a.txt")
        #expect(article.blocks == [.paragraph("Topline and more text follows.")])
    }

    @Test(arguments: [
        "Lectures complémentaires", "Further Reading", "Read more", "Weiterführende Literatur",
        "Lecturas adicionales", "Para saber más", "Letture consigliate", "Leituras adicionais",
    ])
    func furtherReadingParagraphsAreListItems(_ heading: String) throws {
        let text = "Title\n\nBody text.\n\n\(heading)\n\nFirst linked title (Outlet)\n\nSecond linked title (Outlet)\n"
        let article = try parser.parse(Array(text.utf8), fileName: "a.txt")
        #expect(article.blocks.last == .list(["First linked title (Outlet)", "Second linked title (Outlet)"]))
    }

    @Test func languageFallsBackToTheDefault() throws {
        let article = try ArticleParser(defaultLanguage: "it").parse(Array("Oslo\n\nBergen 2024.\n".utf8), fileName: "a.txt")
        #expect(article.language == "it")
    }

    @Test(arguments: [
        ("it", "Il sindaco ha annunciato che la nuova linea del tram sarà pronta per la fine dell'anno, e che i lavori non dureranno più di sei mesi. Secondo il comune, il costo è stato coperto anche dalla regione."),
        ("pt", "O presidente da câmara disse que a nova linha de elétrico vai estar pronta no fim do ano, e que as obras não vão durar mais de seis meses. Segundo a câmara, o custo foi pago também pela região."),
        ("nl", "De burgemeester heeft gezegd dat de nieuwe tramlijn aan het einde van het jaar klaar zal zijn, en dat de werken niet langer dan zes maanden duren. Volgens de gemeente wordt een deel van de kosten door de provincie betaald."),
    ])
    func moreLanguages(_ language: String, _ body: String) throws {
        let article = try parser.parse(Array("Titolo\n\n\(body)\n".utf8), fileName: "a.txt")
        #expect(article.language == language)
    }

    @Test func errorsDescribeThemselves() {
        #expect(ArticleError.empty.description == "the file is empty")
        #expect(ArticleError.titleOnly.description == "the file has a title but no body")
        #expect(ArticleError.undecodable("why").description.hasSuffix("why"))
    }

    @Test func titleAndSourceLineAloneIsTitleOnly() {
        #expect(throws: ArticleError.titleOnly) {
            try parser.parse(Array("Title\n\nSource : https://e.org/2020/01/01/x/\n".utf8), fileName: "a.txt")
        }
    }

    @Test func binaryIsUndecodable() {
        #expect(throws: ArticleError.self) {
            try parser.parse([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], fileName: "a.txt")
        }
    }

    /// Ill-formed UTF-8 (Unicode table 3-7) makes the whole file Windows-1252; well-formed UTF-8 stays as it is.
    @Test(arguments: [
        ([0xC3, 0xA9], "é"),
        ([0xF0, 0x9F, 0x9A, 0x80], "🚀"),
        ([0xE9], "é"),
        ([0xC0, 0xAF], "À¯"),
        ([0xED, 0xA0, 0x80], "í\u{A0}€"),
        ([0xF4, 0x90, 0x80, 0x80], "ô\u{90}€€"),
        ([0xE2, 0x82], "â‚"),
        ([0x93, 0x61, 0x94], "“a”"),
    ] as [([UInt8], String)])
    func utf8OrWindows1252(_ middle: [UInt8], _ expected: String) throws {
        let bytes = Array("Title\n\nSome ASCII text before it ".utf8) + middle + Array(" and after.\n".utf8)
        let article = try parser.parse(bytes, fileName: "a.txt")
        let normalisedExpected = expected.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{90}", with: "")
        #expect(article.blocks == [.paragraph("Some ASCII text before it \(normalisedExpected) and after.")])
    }

    @Test func aStrayNULIsDropped() throws {
        let body = String(repeating: "A body sentence with words in it. ", count: 4) + "End."
        let bytes = Array("Title\n\n\(body)\n".utf8) + [0]
        #expect(try parser.parse(bytes, fileName: "a.txt").blocks == [.paragraph(body)])
    }

    @Test func shortFurtherReadingItemsAreNoHeadings() throws {
        let text = "Title\n\nBody text.\n\nFurther reading\n\nA short title\n\nAnother one (Outlet)\n"
        let article = try parser.parse(Array(text.utf8), fileName: "a.txt")
        #expect(article.blocks.last == .list(["A short title", "Another one (Outlet)"]))
    }

    @Test func utf16WithoutBOMIsRecognised() throws {
        let text = "Titre\n\nUn paragraphe du corps de texte.\n"
        let bytes = Array(text.utf16).flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try parser.parse(bytes, fileName: "a.txt").title == "Titre")
    }

    @Test(arguments: ["page.html", "page.HTM"])
    func htmlArticlesAreReadAndSanitised(_ name: String) throws {
        let html = "<title>Hi &amp; bye</title><p onclick=\"x()\">Body <script>evil()</script>text.</p>"
        let article = try parser.parse(Array(html.utf8), fileName: name)
        #expect(article.title == "Hi & bye")
        #expect(article.contentHTML == "<p>Body text.</p>")
        #expect(article.summary == "Body text.")
    }

    @Test func htmlWithOnlyOneParagraphHasATitleButNoBody() {
        #expect(throws: ArticleError.titleOnly) { try parser.parse(Array("<p>Hi</p>".utf8), fileName: "a.html") }
        #expect(throws: ArticleError.empty) { try parser.parse(Array("<html><body> </body></html>".utf8), fileName: "a.html") }
    }

    @Test(arguments: [
        ("2026-10-03", "2026-10-03"),
        ("2026-10-03T09:30:00+02:00", "2026-10-03T07:30:00Z"),
        ("2026-10-03T09:30:00.250Z", "2026-10-03T09:30:00Z"),
        ("2026-10-03 23:30-01:00", "2026-10-04T00:30:00Z"),
        ("'2026-10-03'", "2026-10-03"),
        ("03/10/2026", nil),
    ] as [(String, String?)])
    func frontMatterDates(_ value: String, _ expected: String?) throws {
        let text = "---\ntitle: T\ndate: \(value)\n---\nBody.\n"
        let article = try parser.parse(Array(text.utf8), fileName: "a.md")
        #expect(article.originalDate.map(ArticleTestSupport.dateText) == expected)
    }

    @Test func markdownTitleFromFirstHeadingOrLine() throws {
        let heading = try parser.parse(Array("Intro line.\n\n# The Title #\n\nBody.\n".utf8), fileName: "a.markdown")
        #expect(heading.title == "The Title")
        #expect(heading.blocks == [.paragraph("Intro line."), .paragraph("Body.")])
        let line = try parser.parse(Array("Just a first line\n\n## Part\n\nBody.\n".utf8), fileName: "a.md")
        #expect(line.title == "Just a first line")
        #expect(line.blocks == [.heading("Part"), .paragraph("Body.")])
    }

    @Test func markdownFrontMatterLinkBeatsTheSourceLine() throws {
        let text = "---\ntitle: T\nlink: https://e.org/declared\n---\nBody.\n\nSource: https://e.org/2020/01/02/line/\n"
        let article = try parser.parse(Array(text.utf8), fileName: "a.md")
        #expect(article.link == "https://e.org/declared")
        #expect(article.originalDate == nil)
        #expect(article.blocks == [.paragraph("Body.")])
    }
}
