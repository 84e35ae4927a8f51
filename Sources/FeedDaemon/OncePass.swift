import FeedCore
import FeedIO
import Foundation
import Logging

/// One complete pass, as `feedd --once` runs it: lock, ingest the seeds directory, publish.
public struct OncePass: Sendable {
    public var configuration: Configuration
    public var logger: Logger
    /// Wait for the state lock instead of failing at once when another feedd holds it.
    public var waitForLock: Bool
    /// Poll every source now, not only the due ones.
    public var pollAll: Bool
    /// An OPML file of further subscriptions (`--subscriptions`).
    public var extraSubscriptions: String?

    public init(
        configuration: Configuration, logger: Logger, waitForLock: Bool = false, pollAll: Bool = false,
        extraSubscriptions: String? = nil
    ) {
        self.configuration = configuration
        self.logger = logger
        self.waitForLock = waitForLock
        self.pollAll = pollAll
        self.extraSubscriptions = extraSubscriptions
    }

    /// Runs the pass at `now`; throws `OnceFailure` carrying the exit status to use.
    public func run(now: Date) async throws(OnceFailure) -> OnceReport {
        let paths = configuration.paths
        let sources: [SourceSettings]
        do {
            sources = try SourceList.resolve(configuration, extraSubscriptions: extraSubscriptions)
        } catch {
            throw .configuration(error.description)
        }
        let lock: ProcessLock
        let store: StateStore
        do {
            try DirectoryScanner.createDirectory(paths.state)
            lock = try ProcessLock(path: FilePath.join(paths.state, "feedd.lock"), wait: waitForLock)
        } catch let failure as ProcessLock.Failure {
            if case .held = failure { throw .lockHeld(failure.description) }
            throw .io(failure.description)
        } catch {
            throw .io("\(error)")
        }
        defer { withExtendedLifetime(lock) {} }
        do {
            store = try StateStore(directory: paths.state)
        } catch {
            throw .io(error.description)
        }
        let ingest: IngestReport
        var poll = PollReport()
        let publish: PublishReport
        do {
            ingest = try await ArticleIngest(configuration: configuration, store: store, logger: logger).run(now: now)
        } catch {
            throw .io(error.description)
        }
        if !sources.isEmpty {
            let fetcher = HTTPFetcher(settings: configuration.polling.fetcherSettings)
            do {
                poll = try await SourcePoller(
                    configuration: configuration, sources: sources, store: store, fetcher: fetcher, logger: logger
                ).pollDue(now: now, all: pollAll)
            } catch {
                await fetcher.shutdown()
                throw .io(error.description)
            }
            await fetcher.shutdown()
        }
        // A seeds directory that could not be read leaves the articles as stored; on a store that never
        // completed a pass there is nothing trustworthy to publish.
        var mayPublish = true
        if ingest.scanFailed {
            do {
                mayPublish = try ArticleIngest.hasCompletedPass(store)
            } catch {
                throw .io(error.description)
            }
        }
        if mayPublish {
            do {
                publish = try Publisher(configuration: configuration, sources: sources, store: store, logger: logger).publish(now: now)
            } catch {
                throw .io("FAIL (PUBLISH) \(paths.output): \(error)")
            }
        } else {
            publish = PublishReport()
        }
        let report = OnceReport(ingest: ingest, poll: poll, publish: publish)
        logger.info("\(report.summary)")
        if ingest.scanFailed {
            throw .noInput("""
                the seeds directory \(paths.seeds) could not be read (see FAIL (SCAN) above); \
                \(mayPublish ? "the articles stay as last published" : "nothing was published")
                """)
        }
        return report
    }
}

/// What one pass did.
public struct OnceReport: Sendable, Hashable {
    public var ingest: IngestReport
    public var poll: PollReport
    public var publish: PublishReport

    /// One line for the log.
    public var summary: String {
        let i = ingest
        let written = publish.written.isEmpty ? "no output changed" : "wrote \(publish.written.joined(separator: ", "))"
        let p = poll
        let polled = p.fetched + p.notModified + p.failed == 0 ? "no source due"
            : "sources: \(p.fetched) fetched, \(p.notModified) not modified, \(p.failed) failed, \(p.added) new entries, \(p.updated) changed"
        return "once: \(i.scanned) article files (\(i.added) new, \(i.updated) changed, \(i.unchanged) unchanged, "
            + "\(i.rejected) skipped, \(i.retracted) retracted); \(polled); \(written)"
    }
}

/// Why a pass could not run, with the process exit status each case maps to.
public enum OnceFailure: Error, Sendable, CustomStringConvertible {
    /// The subscriptions file cannot be used (EX_CONFIG, 78).
    case configuration(String)
    /// Another feedd holds the state lock (EX_TEMPFAIL, 75).
    case lockHeld(String)
    /// The state store or the output directory failed (EX_IOERR, 74).
    case io(String)
    /// The seeds directory is missing, unreadable, or empty where articles were (EX_NOINPUT, 66).
    case noInput(String)

    public var exitCode: Int32 {
        switch self {
        case .configuration: 78
        case .lockHeld: 75
        case .io: 74
        case .noInput: 66
        }
    }

    public var description: String {
        switch self {
        case let .configuration(message), let .lockHeld(message), let .io(message), let .noInput(message): message
        }
    }
}
