import ArgumentParser
import FeedCore
import FeedDaemon
import FeedIO
import Foundation

/// `feedd inspect PATH_OR_URL [--json]`: parses one feed or article file and prints what feedd makes of it.
struct Inspect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
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
        var job = InspectJob(
            style: quiet ? .quiet : json ? .json : .text, maxSize: maxSize, language: language,
            configuration: configuration, fetcher: nil)
        let failed: Bool
        if inputs.contains(where: InspectJob.isURL) {
            let settings = FetcherSettings(userAgent: "feedd/\(FeeddVersion.current) (inspect)", maxBodySize: maxSize)
            failed = await HTTPFetcher.withFetcher(settings: settings) { fetcher in
                job.fetcher = fetcher
                return await Self.inspectAll(inputs, job: job)
            }
        } else {
            failed = await Self.inspectAll(inputs, job: job)
        }
        if failed { throw CommandFailure.exit(.dataError) }
    }

    /// Runs the job over every input, one per core at a time, and prints the reports in input order;
    /// true when any input failed.
    ///
    /// With `--quiet` (one short line per input) the largest files start first, so the cores finish
    /// together; the other styles keep input order, so at most a few reports wait to be printed.
    static func inspectAll(_ inputs: [String], job: InspectJob) async -> Bool {
        let width = max(1, min(inputs.count, ProcessInfo.processInfo.activeProcessorCount))
        let order = job.style == .quiet ? largestFirst(inputs) : Array(inputs.indices)
        return await withTaskGroup(of: (Int, Result<String, InspectError>).self) { group in
            var next = 0
            var printed = 0
            var failed = false
            var ready: [Int: Result<String, InspectError>] = [:]
            func launch() {
                let index = order[next]
                let input = inputs[index]
                next += 1
                group.addTask { (index, await job.run(input)) }
            }
            while next < width { launch() }
            for await (index, result) in group {
                ready[index] = result
                while let result = ready.removeValue(forKey: printed) {
                    switch result {
                    case .success(let report):
                        FileHandle.standardOutput.write(Data(report.utf8))
                    case .failure(let error):
                        failed = true
                        FileHandle.standardError.write(Data("feedd: \(inputs[printed]): \(error)\n".utf8))
                    }
                    printed += 1
                }
                if next < inputs.count { launch() }
            }
            return failed
        }
    }

    /// Indices of `inputs`, local files by decreasing size first (URLs and unreadable paths last, in order).
    static func largestFirst(_ inputs: [String]) -> [Int] {
        let sizes = inputs.map { input -> Int in
            guard !InspectJob.isURL(input) else { return -1 }
            let path = input.hasPrefix("file://") ? String(input.dropFirst(7)) : input
            return (try? FileDocument(path: path).byteCount) ?? -1
        }
        return inputs.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    }
}
