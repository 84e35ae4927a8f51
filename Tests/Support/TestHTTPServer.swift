import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1 (an ephemeral port) for fetcher tests: each request is answered by
/// a handler closure; the server records requests and the peak number of requests in flight.
public final class TestHTTPServer: Sendable {
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var headers: [String: String]
        /// The request body as received (a form a client posted).
        public var body: [UInt8] = []

        public func header(_ name: String) -> String? { headers[name.lowercased()] }
        public var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    /// How to answer one request.
    public enum Reply: Sendable {
        case respond(status: Int, headers: [String: String] = [:], body: [UInt8] = [], delay: Double = 0)
        /// Accept the request and never answer.
        case hang
        /// Send headers, then body bytes forever (until the client goes away).
        case endless
    }

    public typealias Handler = @Sendable (Request) -> Reply

    /// What the server saw.
    public final class Recorder: Sendable {
        struct State {
            public var requests: [Request] = []
            var inFlight = 0
            var peakInFlight = 0
        }

        let state = Mutex(State())

        func begin(_ request: Request) {
            state.withLock {
                $0.requests.append(request)
                $0.inFlight += 1
                $0.peakInFlight = max($0.peakInFlight, $0.inFlight)
            }
        }

        func end() { state.withLock { $0.inFlight -= 1 } }
    }

    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    public let port: Int
    public let recorder = Recorder()

    public var baseURL: String { "http://127.0.0.1:\(port)" }
    public var requests: [Request] { recorder.state.withLock { $0.requests } }
    public var peakInFlight: Int { recorder.state.withLock { $0.peakInFlight } }

    public init(handler: @escaping Handler) throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let recorder = self.recorder
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(RequestHandler(handler: handler, recorder: recorder))
                }
            }
        channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        self.group = group
        port = channel.localAddress?.port ?? 0
    }

    public func shutdown() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Answers each request with the handler's reply.
    final class RequestHandler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let handler: Handler
        let recorder: Recorder
        private var head: HTTPRequestHead?
        private var body: [UInt8] = []

        init(handler: @escaping Handler, recorder: Recorder) {
            self.handler = handler
            self.recorder = recorder
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case let .head(head):
                self.head = head
                body = []
            case let .body(buffer):
                if body.count < 1 << 20 { body += buffer.readableBytesView }
            case .end:
                guard let head else { return }
                var headers: [String: String] = [:]
                for (name, value) in head.headers { headers[name.lowercased()] = value }
                let request = Request(method: "\(head.method)", path: head.uri, headers: headers, body: body)
                recorder.begin(request)
                reply(handler(request), context: context)
            }
        }

        private func reply(_ reply: Reply, context: ChannelHandlerContext) {
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            switch reply {
            case .hang:
                return
            case let .respond(status, headers, body, delay):
                let send: @Sendable () -> Void = {
                    let (handler, context) = loopBound.value
                    var head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status))
                    for (name, value) in headers { head.headers.add(name: name, value: value) }
                    head.headers.replaceOrAdd(name: "content-length", value: "\(body.count)")
                    context.write(handler.wrapOutboundOut(.head(head)), promise: nil)
                    if !body.isEmpty {
                        context.write(handler.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
                    }
                    context.writeAndFlush(handler.wrapOutboundOut(.end(nil)), promise: nil)
                    handler.recorder.end()
                }
                if delay > 0 {
                    context.eventLoop.scheduleTask(in: .milliseconds(Int64(delay * 1000))) { send() }
                } else {
                    send()
                }
            case .endless:
                var head = HTTPResponseHead(version: .http1_1, status: .ok)
                head.headers.add(name: "content-type", value: "application/rss+xml")
                context.writeAndFlush(wrapOutboundOut(.head(head)), promise: nil)
                writeForever(loopBound, eventLoop: context.eventLoop)
            }
        }

        private func writeForever(_ bound: NIOLoopBound<(RequestHandler, ChannelHandlerContext)>, eventLoop: any EventLoop) {
            let (handler, context) = bound.value
            guard context.channel.isActive else { return }
            let chunk = ByteBuffer(repeating: UInt8(ascii: "x"), count: 64 << 10)
            context.writeAndFlush(handler.wrapOutboundOut(.body(.byteBuffer(chunk)))).whenComplete { result in
                if case .success = result {
                    eventLoop.execute { bound.value.0.writeForever(bound, eventLoop: eventLoop) }
                }
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            context.fireChannelInactive()
        }
    }
}
