import FeedCore
import Foundation
import HTTPTypes
import Hummingbird

/// Answers every request: the output files (GET and HEAD, conditional, gzip when asked for), `/healthz`
/// and `/metrics`; anything else is 404, any other method 405.
struct FeedResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let state: ServeState

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.plain(.methodNotAllowed, "only GET and HEAD\n", extra: [.allow: "GET, HEAD"], head: false)
        }
        let head = request.method == .head
        switch request.uri.path {
        case "/healthz":
            let health = state.current.health
            return Self.plain(health.ok ? .ok : .serviceUnavailable, health.message + "\n", extra: [.cacheControl: "no-store"], head: head)
        case "/metrics":
            var headers = Self.baseHeaders
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Self.body(ByteBuffer(string: state.current.metrics), status: .ok, headers: headers, head: head)
        case "/":
            return send(state.current.outputFiles.page, request: request, head: head)
        case let path:
            guard let name = ServableName.fromPath(path) else { return Self.notFound(head: head) }
            return send(name, request: request, head: head)
        }
    }

    /// One file, answered as the channel's fast path answers it (`FileAnswer`); reached for files that
    /// appeared after the last publish (an administrator's `robots.txt`), which the fast path leaves here.
    private func send(_ name: String, request: Request, head: Bool) -> Response {
        guard let file = state.file(name) else { return Self.notFound(head: head) }
        let answer = FileAnswer(
            isHead: head, acceptEncoding: request.headers[.acceptEncoding], ifNoneMatch: request.headers[.ifNoneMatch],
            ifModifiedSince: request.headers[.ifModifiedSince], file: file
        )
        let response = answer.notModified ? answer.form.notModified : answer.form.ok
        let body = answer.sendsBody ? ResponseBody(byteBuffer: answer.form.body) : ResponseBody()
        return Response(status: response.status, headers: response.headerFields, body: body)
    }

    static var baseHeaders: HTTPFields { FileAnswer.baseHeaders }

    static func body(_ buffer: ByteBuffer, status: HTTPResponse.Status, headers: HTTPFields, head: Bool) -> Response {
        var headers = headers
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: buffer))
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:], head: Bool) -> Response {
        var headers = baseHeaders
        headers[.contentType] = "text/plain; charset=utf-8"
        headers.append(contentsOf: extra)
        return body(ByteBuffer(string: text), status: status, headers: headers, head: head)
    }

    static func notFound(head: Bool) -> Response { plain(.notFound, "not found\n", head: head) }
}
