import ArgumentParser
import FeedCore
import FeedDaemon
import FeedIO
import Foundation

/// `feedd add URL`: finds the feed behind a feed or page URL and adds it to the subscriptions file.
struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Find the feed behind a feed or web page URL and add it to the subscriptions file (polling.subscriptions).",
        discussion: """
            A page's feeds are those its <link rel="alternate"> elements name (relative to the page
            and its <base>); a page naming none is tried at /feed, /rss.xml, /atom.xml, /index.xml and
            /feed.json. Every candidate is fetched and parsed; the list shows each feed's title and
            format. The first is added, or the one --pick names. A feed already subscribed is refused.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("A feed's URL, or a web page's.", valueName: "url"))
    var url: String

    @Option(name: .long, help: ArgumentHelp("Display name (default: the feed's title).", valueName: "name"))
    var name: String?

    @Option(name: .long, help: ArgumentHelp("Category label for the feed's entries and OPML outline.", valueName: "category"))
    var category: String?

    @Option(name: .long, help: ArgumentHelp("Which of the feeds found to add, counting from 1 (default: the first).", valueName: "n"))
    var pick: Int = 1

    @Flag(name: .long, help: "List the feeds found and add none.")
    var dryRun = false

    func validate() throws {
        guard PublishableURL.make(url) != nil else {
            throw ValidationError("expected an http:// or https:// URL; found \"\(url)\"")
        }
        guard pick >= 1 else { throw ValidationError("--pick counts from 1; found \(pick)") }
        if let name, name.allSatisfy(\.isWhitespace) { throw ValidationError("--name must not be empty") }
    }

    func run() async throws {
        let configuration = try options.configurationOrExit()
        let target = dryRun ? configuration.polling.subscriptions ?? "" : try Import.subscriptionsFile(configuration, for: "add")
        let page = PublishableURL.make(url) ?? url
        let polling = configuration.polling
        let report: FeedDiscovery.Report
        do {
            report = try await HTTPFetcher.withFetcher(settings: polling.fetcherSettings) { fetcher throws(DiscoveryFailure) in
                let discovery = FeedDiscovery(
                    fetcher: fetcher, access: SourceAccess(proxy: polling.httpProxy),
                    maxBytes: polling.maxBodySize, timeoutSeconds: polling.timeoutSeconds
                )
                return try await discovery.discover(page)
            }
        } catch {
            throw CommandFailure.exit(error)
        }
        print(Self.describe(report), terminator: "")
        guard !report.found.isEmpty else {
            throw CommandFailure.exit(DiscoveryFailure(message: report.wasPage
                ? "no feed found at \(page): the page names none that could be read, and none of \(FeedDiscovery.usualPaths.joined(separator: ", ")) answered with a feed"
                : "no feed found at \(page)"))
        }
        guard pick <= report.found.count else {
            throw CommandFailure.exit(ImportFailure(reason: "--pick \(pick): only \(report.found.count) feed(s) found"))
        }
        if dryRun { return }
        let chosen = report.found[pick - 1]
        let title = name ?? chosen.title ?? SourceLocation.defaultName(chosen.url)
        let subscription = Subscription(title: title, feedURL: chosen.url, siteURL: chosen.siteURL.flatMap(PublishableURL.make), category: category)
        do {
            let total = try SubscriptionImport.add(
                subscription, into: target, configured: configuration.sources.map(\.url), feed: configuration.feedDescription
            )
            print("added \"\(LineText.escaped(title))\" \(chosen.url) to \(target) (\(total) in all); polled at the next pass")
        } catch {
            throw CommandFailure.exit(error)
        }
    }

    /// The feeds found, numbered as --pick counts them, and what a page named that was not a feed.
    static func describe(_ report: FeedDiscovery.Report) -> String {
        var lines: [String] = []
        if report.wasPage {
            lines.append("\(report.url) is a page; \(report.found.count) feed(s) found:")
        }
        for (index, found) in report.found.enumerated() {
            lines.append("  \(index + 1). \(found.title ?? "(untitled)")  [\(found.format.rawValue)]  \(found.url)  (\(found.how))")
        }
        for rejected in report.rejected {
            lines.append("  -  \(rejected.url): \(rejected.reason)")
        }
        return lines.map(LineText.escaped).joined(separator: "\n") + "\n"
    }
}
