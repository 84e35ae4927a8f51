import FeedCore
import FeedIO
import Foundation

/// Reads an article's summary and content again from its file, for an entry whose body the store let go
/// (`StoredEntry.bodyDropped`) and that an output now publishes: read as the ingest reads it (same size
/// cap, same symlink rule, same parser), so the body is the one the ingest made.
struct ArticleBodyReader {
    let directory: String
    let parser: ArticleParser
    let limit: Int
    let accept: FileReader.Acceptance

    init(configuration: Configuration) {
        directory = configuration.paths.seeds
        parser = ArticleParser(defaultLanguage: configuration.feed.language)
        limit = configuration.articles.maxFileSize
        accept = ArticleIngest.acceptance(configuration)
    }

    /// The entry with its body back; or why not (the file is gone, unreadable, or holds another article
    /// now: the next ingest pass takes that change in).
    func reload(_ stored: StoredEntry, fileName: String) -> Result<StoredEntry, ReloadFailure> {
        // The size cap is the reader's own (`FileReader` stops at `limit`): no stat is needed first.
        var outcome: ReadOutcome = .rejected("the file is gone")
        for (name, raw) in Self.candidates(fileName) {
            let file = ScannedFile(name: name, rawName: raw, size: 0, modifiedNanoseconds: 0)
            outcome = ArticleIngest.readOne(file, directory: directory, parser: parser, limit: limit, accept: accept)
            if case .article = outcome { break }
        }
        switch outcome {
        case let .rejected(reason):
            return .failure(ReloadFailure(path: FilePath.join(directory, fileName), reason: reason))
        case let .article(article):
            guard article.contentHash == stored.contentHash else {
                return .failure(ReloadFailure(path: FilePath.join(directory, fileName), reason: "the file changed since it was read"))
            }
            var restored = stored
            restored.entry.summary = article.summary
            restored.entry.contentHTML = article.contentHTML
            restored.bodyDropped = false
            return .success(restored)
        }
    }

    /// The name as stored, then, when it spells bytes as `\xNN` (a name that is not UTF-8), those bytes.
    static func candidates(_ name: String) -> [(name: String, raw: [UInt8]?)] {
        guard name.contains("\\x") else { return [(name, nil)] }
        var bytes: [UInt8] = []
        let utf8 = Array(name.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == 0x5C, i + 3 < utf8.count, utf8[i + 1] == 0x78,
               let byte = UInt8(String(decoding: utf8[(i + 2)...(i + 3)], as: UTF8.self), radix: 16) {
                bytes.append(byte)
                i += 4
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return [(name, nil), (name, bytes)]
    }

    struct ReloadFailure: Error {
        var path: String
        var reason: String
    }
}
