import FeedCore
import FeedDaemon
import FeedIO
import Foundation

/// What `feedd inspect` does with one input: fetch or open it, parse it, and render the report.
///
/// Feed files are streamed (`FileDocument`): with `--quiet` only the entries are counted, so a feed of
/// any size costs a piece of it in memory.
struct InspectJob: Sendable {
    enum Style: Sendable { case text, json, quiet }

    var style: Style
    var maxSize: Int
    var language: String?
    var configuration: Configuration
    var fetcher: HTTPFetcher?

    /// The report for `input`, or the message for standard error.
    func run(_ input: String) async -> Result<String, InspectError> {
        do {
            let report = try await inspect(input)
            return .success(report)
        } catch let error as InspectError {
            return .failure(error)
        } catch {
            return .failure(InspectError(message: "\(error)"))
        }
    }

    static func isURL(_ input: String) -> Bool {
        let lower = input.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    private func inspect(_ input: String) async throws -> String {
        let parser = FeedParser(options: FeedParserOptions(maxBytes: maxSize))
        if Self.isURL(input), let fetcher {
            // A configured source's URL is fetched as polling fetches it (its headers, credentials, proxy).
            let source = configuration.sources.first { $0.url == input }
            let access = source?.fetchAccess(globalProxy: configuration.polling.httpProxy)
                ?? SourceAccess(proxy: configuration.polling.httpProxy)
            switch await fetcher.fetch(FetchRequest(url: input, allowPrivateRedirects: true, access: access)) {
            case let .fetched(document):
                do {
                    return try render(input, InMemoryDocument(document.body), parser: parser,
                                      url: document.metadata.finalURL, charset: document.charset)
                } catch let error as FeedParseError {
                    // A web page is no feed, but it may name its feeds: report those instead.
                    let links = FeedLinkFinder.links(inPage: document.body, pageURL: document.metadata.finalURL)
                    guard !links.isEmpty else { throw error }
                    return renderPage(input, links)
                }
            case .notModified:
                throw InspectError(message: "the server answered 304 Not Modified to an unconditional request")
            case let .gone(metadata):
                throw InspectError(message: "HTTP \(metadata.status) Gone")
            case let .failed(failure):
                throw InspectError(message: failure.message)
            }
        }
        let path = input.hasPrefix("file://") ? String(input.dropFirst(7)) : input
        let name = FilePath.baseName(of: path)
        let lower = name.lowercased()
        let url = "file://" + path
        let articleSuffixes = [".txt", ".md", ".markdown", ".html", ".htm"]
        if articleSuffixes.contains(where: lower.hasSuffix) {
            return try renderArticle(input, FileReader.read(path, limit: maxSize, accept: .anything), name: name)
        }
        if !lower.contains(".") || !FileDocument.isRegularFile(path) {
            // No extension (a seeds file, or `/dev/stdin`), or a pipe that cannot be read twice: read it
            // whole, within the cap; markup or JSON is a feed, anything else an article.
            let bytes = try FileReader.read(path, limit: maxSize, accept: .anything)
            let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF, 0xFE, 0xFF, 0x00].contains($0) }
            guard first == UInt8(ascii: "<") || first == UInt8(ascii: "{") else { return try renderArticle(input, bytes, name: name) }
            return try render(input, InMemoryDocument(bytes), parser: parser, url: url, charset: nil)
        }
        return try render(input, FileDocument(path: path), parser: parser, url: url, charset: nil)
    }

    /// A page's advertised feeds (`feedd add` subscribes to one).
    private func renderPage(_ input: String, _ links: [FeedLinkFinder.Link]) -> String {
        switch style {
        case .quiet:
            return links.map { "\(input)\tpage\t\(LineText.escaped($0.url))\t\($0.type)\n" }.joined()
        case .json:
            let feeds = links.map { link -> [String: Any] in
                ["url": link.url, "type": link.type, "title": link.title ?? NSNull()]
            }
            let object: [String: Any] = ["url": input, "page": true, "feeds": feeds]
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        case .text:
            var lines = ["\(input) is a web page, not a feed; it advertises \(links.count) feed(s):"]
            lines += links.map { "  \($0.url)  [\($0.type)]" + ($0.title.map { "  \($0)" } ?? "") }
            return lines.map(LineText.escaped).joined(separator: "\n") + "\n"
        }
    }

    private func renderArticle(_ input: String, _ bytes: [UInt8], name: String) throws -> String {
        let article = try ArticleParser(defaultLanguage: language ?? configuration.feed.language).parse(bytes, fileName: name)
        let id = ArticleID.make(
            key: ArticleFileName.key(of: name), contentHash: article.contentHash, authority: configuration.feed.tagAuthority
        )
        return render(input, article.inspection(id: id), count: nil)
    }

    private func render(
        _ input: String, _ document: some FeedDocument, parser: FeedParser, url: String?, charset: String?
    ) throws -> String {
        if style == .quiet {
            let counter = EntryCounter()
            let feed = try parser.parse(document, documentURL: url, httpCharset: charset, into: counter)
            return render(input, feed, count: counter.count)
        }
        let collector = ParsedEntryCollector()
        var feed = try parser.parse(document, documentURL: url, httpCharset: charset, into: collector)
        feed.entries = collector.entries
        return render(input, feed, count: nil)
    }

    private func render(_ input: String, _ feed: ParsedFeed, count: Int?) -> String {
        switch style {
        case .quiet: "\(input)\t\(feed.format.rawValue)\t\(count ?? feed.entries.count)\t\(feed.bozo)\n"
        case .json: InspectReport.json(feed)
        case .text: InspectReport.text(feed)
        }
    }
}

/// Counts the entries of a streamed feed and keeps none.
final class EntryCounter: ParsedEntrySink {
    private(set) var count = 0
    func receive(_ entry: ParsedEntry) { count += 1 }
    func restart() { count = 0 }
}

/// A fetch or parse problem reported by `inspect`.
struct InspectError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
