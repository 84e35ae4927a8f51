import FeedCore
import Foundation
import Testing

/// Paths and text forms shared by the article tests.
enum ArticleTestSupport {
    /// The package root: the first folder above this file holding Package.swift.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures/articles")

    /// Whether golden files are being rewritten (`FEEDD_RECORD=1`).
    static var isRecording: Bool { ProcessInfo.processInfo.environment["FEEDD_RECORD"] == "1" }

    static func bytes(of url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }

    /// The readable form a `.expected` file holds: the fields, a blank line, then the content HTML.
    static func textForm(of result: Result<Article, ArticleError>) -> String {
        switch result {
        case .failure(let error):
            return "error: \(error)\n"
        case .success(let article):
            return """
                title: \(article.title)
                link: \(article.link ?? "none")
                language: \(article.language)
                original_date: \(article.originalDate.map(dateText) ?? "none")
                summary: \(article.summary ?? "none")

                \(article.contentHTML)

                """
        }
    }

    /// `2022-09-22` for UTC midnight, else the full RFC 3339 instant.
    static func dateText(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        let full = formatter.string(from: date)
        return full.hasSuffix("T00:00:00Z") ? String(full.prefix(10)) : full
    }

    static func parse(_ bytes: [UInt8], fileName: String, defaultLanguage: String = "und") -> Result<Article, ArticleError> {
        Result { () throws(ArticleError) in
            try ArticleParser(defaultLanguage: defaultLanguage).parse(bytes, fileName: fileName)
        }
    }
}
