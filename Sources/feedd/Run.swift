import ArgumentParser
import FeedDaemon
import FeedIO
import FeedServe
import Foundation
import Logging
import ServiceLifecycle

/// `feedd`: the daemon; `feedd --once`: one pass for cron and timers. Both run the same pipeline.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon (default), or one pass with --once.",
        discussion: """
            The daemon watches the seeds directory, polls sources when due and publishes after each batch of \
            changes. SIGTERM/SIGINT: finish the current pass and exit 0. SIGHUP: reload the configuration (a bad \
            one is reported and the old one stays). SIGUSR1: poll every source now. Under systemd \
            (Type=notify) it reports READY=1, STATUS=, WATCHDOG=1, RELOADING=1 and STOPPING=1.

            On a terminal, a pass that reads more than 300 article files or polls more than 3 sources shows one \
            progress line on stderr (articles stored, sources polled, time, files per second), erased when the \
            pass ends; the daemon shows it for its first pass only. Never under cron, a pipe, systemd or \
            TERM=dumb. --quiet hides it.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Run one pass and exit (for cron and systemd timers).")
    var once = false

    @Flag(name: .long, help: "Wait for the lock held by another feedd instead of exiting with status 75.")
    var wait = false

    @Flag(name: .long, help: "With --once: poll every source now, not only those that are due.")
    var all = false

    @Flag(name: .long, help: "No progress line on a terminal, and log warnings and errors only (unless --log-level says otherwise).")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("An OPML file of further sources to poll and merge.", valueName: "file.opml"))
    var subscriptions: String?

    @Option(name: .long, help: ArgumentHelp(
        "Serve the output directory, /healthz and /metrics over HTTP here (overrides serve.listen).",
        valueName: "host:port"
    ))
    var listen: String?

    func validate() throws {
        if let listen, ListenAddress(listen) == nil {
            throw ValidationError("--listen: expected an address and port like 127.0.0.1:8080 or [::1]:8080; found \"\(listen)\"")
        }
        if listen != nil && once {
            throw ValidationError("--listen serves while the daemon runs; it has no meaning with --once")
        }
    }

    func run() async throws {
        let showsProgress = ProgressPolicy.allows(
            quiet: quiet, stderrIsTerminal: Terminal.isTerminal(STDERR_FILENO), environment: ProcessInfo.processInfo.environment
        )
        let console = showsProgress ? StderrConsole() : nil
        let logger = options.makeLogger(defaultLevel: quiet ? .warning : .info, console: console)
        let configuration: Configuration
        do {
            configuration = try options.loadConfiguration()
        } catch {
            throw CommandFailure.exit(error, logger: logger)
        }
        let extra = subscriptions.map { FilePath.resolve($0, against: FileManager.default.currentDirectoryPath) }
        if once {
            do {
                _ = try await ProgressDisplay.showing(console.map { ProgressDisplay(console: $0) }) { progress in
                    try await OncePass(
                        configuration: configuration, logger: logger, waitForLock: wait, pollAll: all, extraSubscriptions: extra,
                        progress: progress
                    ).run(now: Date())
                }
            } catch {
                throw CommandFailure.exit(error, logger: logger)
            }
            return
        }
        if wait {
            // The daemon waits for a running --once to finish before it takes over.
            StateDirectory.waitUntilFree(configuration.paths.state)
        }
        let options = self.options
        let listen = self.listen.flatMap(ListenAddress.init)
        let address = listen ?? configuration.serve.listen
        let serveState = address.map { _ in
            ServeState(
                directory: configuration.paths.output, outputFiles: configuration.feed.files,
                cacheSeconds: configuration.polling.intervalMinutes * 60
            )
        }
        let display = console.map { ProgressDisplay(console: $0) }
        let daemon = DaemonService(
            configuration: configuration,
            reload: { () throws(ConfigurationError) in
                var fresh = try options.loadConfiguration()
                if let listen { fresh.serve.listen = listen }
                return fresh
            },
            extraSubscriptions: extra,
            logger: logger,
            serveState: serveState,
            firstPassProgress: display?.sink
        )
        var services: [any Service] = [daemon]
        if let address, let serveState {
            services.append(FeedServer(listen: address, state: serveState, logger: logger))
        }
        let group = ServiceGroup(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [], logger: logger
        )
        do {
            try await ProgressDisplay.showing(display) { _ in try await group.run() }
        } catch {
            throw CommandFailure.exit(error, logger: logger)
        }
    }
}
