import NIOCore
import NIOPosix

/// A raw TCP server on 127.0.0.1 that answers every connection with fixed bytes, the first `burst` of
/// them at once and the rest one at a time, `interval` seconds apart: a server slow in its headers or
/// its body. It starts once the request's head has arrived and reads nothing more of it.
public final class TrickleServer: Sendable {
    let group: MultiThreadedEventLoopGroup
    let channel: any Channel
    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public init(response: [UInt8], burst: Int, interval: Double) throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Trickler(response: response, burst: burst, interval: interval))
                }
            }
        channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        self.group = group
        port = channel.localAddress?.port ?? 0
    }

    /// An HTTP/1.1 200 response with `body`, its head sent at once and its body trickled.
    public static func slowBody(_ body: [UInt8], interval: Double) throws -> TrickleServer {
        let head = Array("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
        return try TrickleServer(response: head + body, burst: head.count, interval: interval)
    }

    /// The same response with its head trickled too.
    public static func slowHeaders(_ body: [UInt8], interval: Double) throws -> TrickleServer {
        let head = Array("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
        return try TrickleServer(response: head + body, burst: 0, interval: interval)
    }

    public func shutdown() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    final class Trickler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let response: [UInt8]
        let burst: Int
        let interval: Double
        var sent = 0
        var started = false
        var received: [UInt8] = []

        init(response: [UInt8], burst: Int, interval: Double) {
            self.response = response
            self.burst = burst
            self.interval = interval
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard !started else { return }
            received += unwrapInboundIn(data).readableBytesView
            guard received.count >= 4, received.indices.dropLast(3).contains(where: {
                received[$0] == 13 && received[$0 + 1] == 10 && received[$0 + 2] == 13 && received[$0 + 3] == 10
            }) else { return }
            started = true
            start(context: context)
        }

        private func start(context: ChannelHandlerContext) {
            sent = min(burst, response.count)
            if sent > 0 { context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: response[..<sent])), promise: nil) }
            scheduleNext(context: context)
        }

        private func scheduleNext(context: ChannelHandlerContext) {
            guard sent < response.count else { return }
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .milliseconds(Int64(interval * 1000))) {
                let (handler, context) = bound.value
                guard context.channel.isActive else { return }
                context.writeAndFlush(handler.wrapOutboundOut(ByteBuffer(bytes: [handler.response[handler.sent]])), promise: nil)
                handler.sent += 1
                handler.scheduleNext(context: context)
            }
        }
    }
}
