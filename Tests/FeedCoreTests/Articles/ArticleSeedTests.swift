import FeedCore
import Foundation
import Testing

/// The shared seed article (`../shared/seeds` beside the package, skipped when absent) and the package's own `seeds/`.
@Suite struct ArticleSeedTests {
    static let sharedSeeds = ArticleTestSupport.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static let ownSeeds = ArticleTestSupport.packageRoot.appendingPathComponent("seeds")

    static func files(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter(ArticleFileName.isCandidate).sorted()
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedSeeds.appendingPathComponent("000_6d787e27e3e67534.txt").path)))
    func sharedSeedArticle() throws {
        let name = "000_6d787e27e3e67534.txt"
        let bytes = try ArticleTestSupport.bytes(of: Self.sharedSeeds.appendingPathComponent(name))
        let article = try ArticleParser(defaultLanguage: "en").parse(bytes, fileName: name)
        #expect(article.title == "La Corée du Nord nie avoir vendu des armes à Moscou alors que l'isolement de la Russie s'aggrave")
        let headings = article.blocks.compactMap { block -> String? in
            if case .heading(let text) = block { text } else { nil }
        }
        #expect(headings == ["Topline", "Faits marquants", "Fond clé", "Grand nombre", "Lectures complémentaires"])
        #expect(article.link?.hasPrefix("https://www.forbes.com/sites/roberthart/2022/09/22/north-korea-denies") == true)
        #expect(article.language == "fr")
        #expect(article.originalDate.map(ArticleTestSupport.dateText) == "2022-09-22")
        #expect(!article.contentHTML.contains("XNUMX"))
        #expect(article.contentHTML.contains("300,000 soldats"))
        #expect(!article.contentHTML.contains("Source :"))
        if case .list(let items) = article.blocks.last { #expect(items.count == 1) } else { Issue.record("no further-reading list") }
        #expect(ArticleFileName.key(of: name) == "6d787e27e3e67534")
    }

    @Test(arguments: files(in: sharedSeeds))
    func everySharedSeedParses(_ name: String) throws {
        let bytes = try ArticleTestSupport.bytes(of: Self.sharedSeeds.appendingPathComponent(name))
        let article = try ArticleParser(defaultLanguage: "en").parse(bytes, fileName: name)
        #expect(!article.contentHTML.contains("XNUMX"))
    }

    /// Own seeds: every one parses with a link, a dated URL, a key and a heading; two fr, two en, one de, one es at least.
    @Test func ownSeedsParseWithLinkDateAndKey() throws {
        let names = Self.files(in: Self.ownSeeds)
        #expect(names.count >= 7)
        var languages: [String: Int] = [:]
        for name in names {
            let bytes = try ArticleTestSupport.bytes(of: Self.ownSeeds.appendingPathComponent(name))
            let article = try ArticleParser(defaultLanguage: "und").parse(bytes, fileName: name)
            #expect(article.link?.contains("example.") == true, "\(name)")
            #expect(article.originalDate != nil, "\(name)")
            #expect(ArticleFileName.key(of: name) != nil, "\(name)")
            #expect(article.blocks.contains { if case .heading = $0 { true } else { false } }, "\(name)")
            languages[article.language, default: 0] += 1
        }
        #expect(languages["fr"] ?? 0 >= 2)
        #expect(languages["en"] ?? 0 >= 2)
        #expect(languages["de"] == 1)
        #expect(languages["es"] == 1)
    }
}
