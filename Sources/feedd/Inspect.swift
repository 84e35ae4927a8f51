import ArgumentParser
import FeedCore
import FeedDaemon
import FeedIO
import Foundation

/// `feedd inspect PATH_OR_URL [--json]`: parses one feed or article file and prints what feedd makes of it.
struct Inspect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse a feed (file or http(s) URL) or an article file and print it, to see why it looks wrong.",
        discussion: """
            Feeds: RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed. Article files (*.txt, *.md, *.html) are shown as feedd
            would publish them. A broken feed is still shown, with "bozo" and the first problem found.
            Examples:
              feedd inspect https://www.swift.org/atom.xml
              feedd inspect seeds/000_6d787e27e3e67534.txt --json
            """
    )

    @Argument(help: ArgumentHelp("Feed files, http(s) URLs or article files.", valueName: "path-or-url"))
    var inputs: [String]

    @Flag(name: .long, help: "Print the JSON report instead of text.")
    var json = false

    @Flag(name: .long, help: "One line per input: path, format, entries, bozo (for checking many files at once).")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Language assumed for articles when detection is unsure (default: feed.language).", valueName: "tag"))
    var language: String?

    @OptionGroup var options: GlobalOptions

    @Option(name: .customLong("max-size"), help: ArgumentHelp("Largest input read, in bytes.", valueName: "bytes"))
    var maxSize = 64 << 20

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one path or URL") }
        guard !(json && quiet) else { throw ValidationError("--json and --quiet do not go together") }
    }

    func run() async throws {
        // Article ids and the fallback language come from the configuration when there is one.
        let configuration = (try? options.loadConfiguration()) ?? Configuration.defaults(baseDirectory: ".")
        var failed = false
        let fetcher = inputs.contains(where: Self.isURL)
            ? HTTPFetcher(settings: FetcherSettings(userAgent: "feedd/\(FeeddVersion.current) (inspect)", maxBodySize: maxSize))
            : nil
        for input in inputs {
            do {
                let feed = try await parse(input, fetcher: fetcher, configuration: configuration)
                if quiet {
                    print("\(input)\t\(feed.format.rawValue)\t\(feed.entries.count)\t\(feed.bozo)")
                } else {
                    print(json ? InspectReport.json(feed) : InspectReport.text(feed), terminator: "")
                }
            } catch {
                failed = true
                FileHandle.standardError.write(Data("feedd: \(input): \(error)\n".utf8))
            }
        }
        await fetcher?.shutdown()
        if failed { throw ExitCode(65) }
    }

    static func isURL(_ input: String) -> Bool {
        let lower = input.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    private func parse(_ input: String, fetcher: HTTPFetcher?, configuration: Configuration) async throws -> ParsedFeed {
        if Self.isURL(input), let fetcher {
            switch await fetcher.fetch(FetchRequest(url: input, allowPrivateRedirects: true)) {
            case let .fetched(document):
                return try FeedParser(options: FeedParserOptions(maxBytes: maxSize))
                    .parse(document.body, documentURL: document.metadata.finalURL, httpCharset: document.charset)
            case .notModified:
                throw InspectError(message: "the server answered 304 Not Modified to an unconditional request")
            case let .gone(metadata):
                throw InspectError(message: "HTTP \(metadata.status) Gone")
            case let .failed(failure):
                throw InspectError(message: failure.message)
            }
        }
        let path = input.hasPrefix("file://") ? String(input.dropFirst(7)) : input
        let bytes = try FileReader.read(path, limit: maxSize)
        let name = FilePath.baseName(of: path)
        let lower = name.lowercased()
        if lower.hasSuffix(".txt") || lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".html")
            || lower.hasSuffix(".htm") || !lower.contains(".") {
            let article = try ArticleParser(defaultLanguage: language ?? configuration.feed.language).parse(bytes, fileName: name)
            let id = ArticleID.make(
                key: ArticleFileName.key(of: name), contentHash: article.contentHash, authority: configuration.feed.tagAuthority
            )
            return article.inspection(id: id)
        }
        return try FeedParser(options: FeedParserOptions(maxBytes: maxSize)).parse(bytes, documentURL: "file://" + path, httpCharset: nil)
    }
}

/// A fetch or parse problem reported by `inspect`.
struct InspectError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
