import FeedCore
import Testing

@Suite struct ArticleFileNameTests {
    @Test(arguments: [
        ("000_6d787e27e3e67534.txt", true),
        ("note.md", true),
        ("note.markdown", true),
        ("page.HTML", true),
        ("page.htm", true),
        ("README", true),
        (".hidden.txt", false),
        (".#lock.txt", false),
        ("draft.txt.tmp", false),
        ("download.part", false),
        ("article.txt~", false),
        (".article.txt.swp", false),
        ("article.swp", false),
        ("photo.jpg", false),
        ("notes.docx", false),
        ("", false),
        ("name.", false),
        ("a.TXT", true),
        ("a.MarkDown", true),
        ("a.markdowns", false),
        ("a.mdd", false),
        ("a.m", false),
        ("a.txt.bak", false),
        ("sub/a.txt", false),
        ("résumé.txt", true),
    ])
    func isCandidate(_ name: String, _ expected: Bool) {
        #expect(ArticleFileName.isCandidate(name) == expected, "\(name)")
    }

    @Test(arguments: [
        ("000_6d787e27e3e67534.txt", "6d787e27e3e67534"),
        ("123_6D787E27E3E67534.md", "6d787e27e3e67534"),
        ("6d787e27e3e67534.txt", "6d787e27e3e67534"),
        ("north_korea_6d787e27e3e67534", "6d787e27e3e67534"),
        ("000_da39a3ee5e6b4b0d3255bfef95601890afd80709.txt", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
    ])
    func keyIsFound(_ name: String, _ key: String) {
        #expect(ArticleFileName.key(of: name) == key)
    }

    @Test(arguments: [
        "notes.txt", "000_cafe.txt", "000_6d787e27e3e6753z.txt", "000_6d787e27e3e67534_draft.txt", "000_.txt", "",
    ])
    func noKey(_ name: String) {
        #expect(ArticleFileName.key(of: name) == nil, "\(name)")
    }
}

@Suite struct ArticleIDTests {
    @Test func keyMakesTheID() {
        #expect(ArticleID.make(key: "6d787e27e3e67534", contentHash: "0123456789abcdef", authority: "example.org,2026")
            == "tag:example.org,2026:6d787e27e3e67534")
    }

    @Test func noKeyFallsBackToTheContentHash() {
        #expect(ArticleID.make(key: nil, contentHash: "0123456789abcdef", authority: "example.org,2026")
            == "tag:example.org,2026:sha-0123456789abcdef")
    }

    @Test func renamingKeepsTheID() {
        let ids = ["000_6d787e27e3e67534.txt", "001_6d787e27e3e67534.txt", "999_6D787E27E3E67534.md"].map {
            ArticleID.make(key: ArticleFileName.key(of: $0), contentHash: "ffffffffffffffff", authority: "example.org,2026")
        }
        #expect(Set(ids).count == 1)
    }

    @Test func editingTheTextKeepsAKeyedID() throws {
        let parser = ArticleParser(defaultLanguage: "en")
        let first = try parser.parse(Array("Title\n\nOne body.\n".utf8), fileName: "000_6d787e27e3e67534.txt")
        let second = try parser.parse(Array("Title\n\nAnother body.\n".utf8), fileName: "000_6d787e27e3e67534.txt")
        #expect(first.contentHash != second.contentHash)
        let key = ArticleFileName.key(of: "000_6d787e27e3e67534.txt")
        #expect(ArticleID.make(key: key, contentHash: first.contentHash, authority: "a.org,2026")
            == ArticleID.make(key: key, contentHash: second.contentHash, authority: "a.org,2026"))
    }
}
