import FeedCore
import FeedIO
import FeedServe
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// `feedd` without `--once`: watches the seeds directory, polls sources when due, publishes after each batch
/// of changes, reloads on SIGHUP, polls everything on SIGUSR1, and talks to systemd (`Type=notify`).
///
/// The daemon and `--once` share one `Pipeline` (ingest, poll, publish); this type only adds
/// the watcher, the schedule and the signals around it. Work is done one event at a time, so the store and
/// the outputs are never written by two passes at once, and SIGTERM lets the current pass finish.
public struct DaemonService: Service, CustomStringConvertible {
    public var configuration: Configuration
    /// Reads the configuration again (SIGHUP); an error keeps the old one in force.
    public var reload: @Sendable () throws(ConfigurationError) -> Configuration
    public var extraSubscriptions: String?
    public var logger: Logger
    /// How often the loop checks whether a source or the slow rescan is due.
    public var tickInterval: Duration
    /// What the built-in server (a `FeedServer` beside this service) answers with; the daemon keeps it current.
    public var serveState: ServeState?
    /// Where the first pass reports how far it is (a progress line on a terminal); later passes report nothing.
    public var firstPassProgress: ProgressSink?

    public init(
        configuration: Configuration, reload: @escaping @Sendable () throws(ConfigurationError) -> Configuration,
        extraSubscriptions: String? = nil, logger: Logger, tickInterval: Duration = .seconds(5), serveState: ServeState? = nil,
        firstPassProgress: ProgressSink? = nil
    ) {
        self.configuration = configuration
        self.reload = reload
        self.extraSubscriptions = extraSubscriptions
        self.logger = logger
        self.tickInterval = tickInterval
        self.serveState = serveState
        self.firstPassProgress = firstPassProgress
    }

    public var description: String { "feedd daemon (\(configuration.file ?? "built-in defaults"))" }

    public func run() async throws {
        let sources = try SourceList.resolve(configuration, extraSubscriptions: extraSubscriptions)
        let stateDirectory = try StateDirectory(path: configuration.paths.state, waitForLock: false, store: configuration.store.choice)
        // Nothing is published by a daemon that was told to serve and cannot: the server's error ends both.
        if let serveState, await serveState.waitUntilListening() == nil {
            logger.debug("serve: not listening; the daemon does not start")
            return
        }
        defer { withExtendedLifetime(stateDirectory) {} }
        let notifier = SystemdNotifier()
        var state = DaemonState(
            configuration: configuration, sources: sources, store: stateDirectory.store, notifier: notifier, logger: logger,
            serveState: serveState
        )
        let (events, input) = AsyncStream.makeStream(of: DaemonEvent.self)
        let (hubNews, hubInput) = AsyncStream.makeStream(of: HubNews.self, bufferingPolicy: .bufferingNewest(64))
        state.hubNews = hubInput
        state.progress = firstPassProgress
        // Trap SIGHUP and SIGUSR1 before the first pass, so an early signal is queued, not fatal.
        let signals = await UnixSignalsSequence(trapping: .sighup, .sigusr1)

        await withTaskGroup(of: Void.self) { group in
            // The watchdog runs from exec, not from READY=1: ping through a long first pass too.
            if let interval = notifier.watchdogInterval {
                group.addTask { await Self.watchdog(notifier, every: interval) }
            }
            // Watch before the first pass: a change made during it comes as a batch right after.
            var watcher = startWatcher(for: configuration, into: input, group: &group)
            await state.startUp()
            try? notifier.ready(status: state.statusLine())
            for note in configuration.publishingNotes { logger.notice("config: \(note)") }
            logger.info("ready: watching \(configuration.paths.seeds), \(sources.count) sources, publishing to \(configuration.paths.output)")
            group.addTask { await Self.forward(signals, into: input) }
            group.addTask { [logger, configuration] in await Self.notifyHubs(hubNews, configuration: configuration, logger: logger) }
            // The start-up polls run first thing, not at the first tick.
            if state.firstPollsDue { input.yield(.tick) }
            group.addTask { [tickInterval] in await Self.ticks(every: tickInterval, into: input) }
            // On a shared store the publisher role is watched beside the loop: a long poll pass must not keep
            // this instance from taking over from a publisher that died.
            if stateDirectory.store.isShared {
                group.addTask { [logger] in await Self.watchPublisherRole(stateDirectory.store, logger: logger, into: input) }
            }
            await withGracefulShutdownHandler {
                for await event in events {
                    let seeds = state.configuration.paths.seeds
                    await state.handle(event, reload: reload, extraSubscriptions: extraSubscriptions)
                    if state.configuration.paths.seeds != seeds {
                        watcher?.finish()
                        watcher = startWatcher(for: state.configuration, into: input, group: &group)
                    }
                }
            } onGracefulShutdown: {
                try? notifier.stopping(status: "stopping")
                input.finish()
            }
            logger.info("stopping: the last pass is finished, outputs and store are consistent")
            watcher?.finish()
            group.cancelAll()
        }
    }

    private func startWatcher(
        for configuration: Configuration, into input: AsyncStream<DaemonEvent>.Continuation, group: inout TaskGroup<Void>
    ) -> SeedsWatcher? {
        // An instance without a seeds directory (`paths.seeds = ""`) only polls and publishes.
        guard !configuration.paths.seeds.isEmpty else { return nil }
        do {
            let watcher = try SeedsWatcher(
                directory: configuration.paths.seeds,
                debounce: .milliseconds(configuration.daemon.debounceMilliseconds),
                logger: logger
            )
            group.addTask {
                for await batch in watcher.batches { input.yield(.seeds(batch)) }
            }
            return watcher
        } catch {
            logger.error("FAIL (WATCH) \(configuration.paths.seeds): \(error); only the periodic rescan will see changes")
            return nil
        }
    }

    private static func forward(_ signals: UnixSignalsSequence, into input: AsyncStream<DaemonEvent>.Continuation) async {
        for await signal in signals {
            if Task.isCancelled { return }
            input.yield(signal == .sighup ? .reload : .pollAll)
        }
    }

    /// Tells the hubs of each publish's changes, one publish at a time; a failing hub is retried for about
    /// nearly three minutes (waits of 2, 8, 32 and 128 s) while later news queues behind it.
    private static func notifyHubs(_ news: AsyncStream<HubNews>, configuration: Configuration, logger: Logger) async {
        let notifier = HubNotifier(
            userAgent: configuration.polling.userAgent, timeoutSeconds: configuration.polling.timeoutSeconds,
            attempts: 5, firstRetryDelay: .seconds(2)
        )
        for await item in news {
            if Task.isCancelled { return }
            _ = await notifier.notify(hubs: item.hubs, topics: item.topics, logger: logger)
        }
    }

    private static func ticks(every interval: Duration, into input: AsyncStream<DaemonEvent>.Continuation) async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            input.yield(.tick)
        }
    }

    /// Every 2 s, takes the publisher role when no live instance holds it (`StateStore.holdsPublisherRole`),
    /// says so when the role comes or goes, and wakes the loop to publish once it is free.
    private static func watchPublisherRole(
        _ store: StateStore, logger: Logger, into input: AsyncStream<DaemonEvent>.Continuation
    ) async {
        var held: Bool?
        while !Task.isCancelled {
            let now = store.holdsPublisherRole()
            if now != held {
                logger.notice(now
                    ? "publisher: this instance now writes the outputs (\(store.instanceID))"
                    : "publisher: another instance writes the outputs; this one polls and ingests")
                if now { input.yield(.tick) }
                held = now
            }
            do { try await Task.sleep(for: .seconds(2)) } catch { return }
        }
    }

    private static func watchdog(_ notifier: SystemdNotifier, every interval: Duration) async {
        while !Task.isCancelled {
            try? notifier.watchdog()
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }
}
