import NIOCore
import NIOHTTP1

/// Answers GET and HEAD for the published files on the event loop itself, from the snapshot in memory:
/// no hop to an async task and no conversion of the request per answer (a reader's conditional poll
/// costs a header parse and a lookup). Every other request (health, metrics, errors, a file put there by
/// hand since the last publish) goes on, untouched, to the application's responder.
///
/// Answers stay in the order of the requests (a client may send several at once): it answers only when
/// no request it passed on is still waiting for the application's answer; otherwise it passes the file
/// request on too and the responder answers it, in turn. It also holds back a shutdown's quiesce while it
/// owes an answer, and closes once that answer is out.
final class PublishedFileHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: ServeState
    /// The answer to the request being read, sent once its end arrives; nil while requests pass on.
    private var pending: (answer: FileAnswer, keepAlive: Bool)?
    /// Requests passed on whose answer has not been written to its end yet.
    private var passedOn = 0
    private var quiesceAfterAnswer = false

    init(state: ServeState) {
        self.state = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if passedOn == 0, let answer = answer(request) {
                pending = (answer, request.isKeepAlive)
            } else {
                passedOn += 1
                context.fireChannelRead(data)
            }
        case .body:
            if pending == nil { context.fireChannelRead(data) }
        case .end:
            guard let (answer, keepAlive) = pending else { return context.fireChannelRead(data) }
            pending = nil
            send(answer, close: !keepAlive || quiesceAfterAnswer, context: context)
        }
    }

    /// The application's answers pass by on their way out; each end settles one request passed on.
    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { passedOn = max(0, passedOn - 1) }
        context.write(data, promise: promise)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent, pending != nil {
            quiesceAfterAnswer = true
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    private func answer(_ request: HTTPRequestHead) -> FileAnswer? {
        guard request.method == .GET || request.method == .HEAD,
              let file = state.publishedFile(path: Self.path(of: request.uri))
        else { return nil }
        return FileAnswer(
            isHead: request.method == .HEAD,
            acceptEncoding: Self.value(request.headers, "Accept-Encoding"),
            ifNoneMatch: Self.value(request.headers, "If-None-Match"),
            ifModifiedSince: Self.value(request.headers, "If-Modified-Since"),
            file: file
        )
    }

    private func send(_ answer: FileAnswer, close: Bool, context: ChannelHandlerContext) {
        var head = answer.notModified ? answer.form.notModifiedHead : answer.form.okHead
        head.headers.add(name: "Date", value: ServerDate.shared.now)
        if close { head.headers.add(name: "Connection", value: "close") }
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if answer.sendsBody { context.write(wrapOutboundOut(.body(.byteBuffer(answer.form.body))), promise: nil) }
        if close {
            context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        } else {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }

    /// A header's value; several fields of the name read as one list.
    private static func value(_ headers: HTTPHeaders, _ name: String) -> String? {
        let values = headers[name]
        return values.isEmpty ? nil : values.count == 1 ? values[0] : values.joined(separator: ", ")
    }

    /// The request target's path: without its query or fragment.
    static func path(of target: String) -> Substring {
        target.prefix { $0 != "?" && $0 != "#" }
    }
}

@available(*, unavailable)
extension PublishedFileHandler: Sendable {}
