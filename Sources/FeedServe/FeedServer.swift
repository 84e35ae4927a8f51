import FeedIO
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// The built-in HTTP server (`[serve] listen`): a Hummingbird application answering from a `ServeState`.
/// Runs as a service beside the daemon; stops with it.
public struct FeedServer: Service {
    public let listen: ListenAddress
    public let state: ServeState
    public let logger: Logger
    /// Called with the port once the socket is bound (the port asked for, or the one given for port 0).
    public let onListening: @Sendable (Int) async -> Void

    public init(listen: ListenAddress, state: ServeState, logger: Logger, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) {
        self.listen = listen
        self.state = state
        self.logger = logger
        self.onListening = onListening
    }

    /// The server could not start listening.
    public struct ListenFailure: StatusError {
        public var address: ListenAddress
        public var reason: String
        public var exitStatus: ExitStatus { .unavailable }
        public var description: String {
            "serve.listen \(address): cannot listen there: \(reason) (another server holds the port, or the address is not this machine's)"
        }
    }

    public func run() async throws {
        let logger = self.logger
        let listen = self.listen
        let onListening = self.onListening
        let state = self.state
        defer { state.listeningInput.finish() }
        let application = Application(
            responder: FeedResponder(state: state),
            server: HTTPServerBuilder { responder in FeedChannel(base: HTTP1Channel(responder: responder), state: state) },
            configuration: ApplicationConfiguration(address: .hostname(listen.host, port: listen.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? listen.port
                logger.notice("serve: listening on http://\(listen.hostForURL):\(port)/")
                state.listeningInput.yield(port)
                await onListening(port)
            },
            logger: Self.quiet(logger)
        )
        do {
            try await application.run()
        } catch let error as IOError {
            throw ListenFailure(address: listen, reason: Self.reason(error))
        }
    }

    /// "Address already in use", without the system call's name.
    static func reason(_ error: IOError) -> String {
        String(cString: strerror(error.errnoCode))
    }

    /// Hummingbird logs every request at info; feedd's log is for what an administrator must read.
    private static func quiet(_ logger: Logger) -> Logger {
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .warning)
        return quiet
    }
}
