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

    /// One file: 304 when the client's copy is current, else the bytes, gzipped when the client takes it.
    private func send(_ name: String, request: Request, head: Bool) -> Response {
        guard let (file, cacheSeconds) = state.file(name) else { return Self.notFound(head: head) }
        let gzip = file.gzipped != nil && ContentCoding.acceptsGzip(request.headers[.acceptEncoding])
        var headers = Self.baseHeaders
        headers[.contentType] = file.contentType
        headers[.eTag] = gzip ? file.gzipETag : file.etag
        headers[.lastModified] = FeedDate.httpDate(file.lastModified)
        headers[.cacheControl] = "public, max-age=\(cacheSeconds)"
        if file.gzipped != nil { headers[.vary] = "Accept-Encoding" }
        if file.contentType.hasPrefix("text/html") { headers[.contentSecurityPolicy] = Self.pagePolicy }
        let ifNoneMatch = request.headers[values: .ifNoneMatch]
        let notModified = ConditionalRequest.isNotModified(
            ifNoneMatch: ifNoneMatch.isEmpty ? nil : ifNoneMatch.joined(separator: ", "),
            ifModifiedSince: request.headers[.ifModifiedSince],
            etags: [file.etag, file.gzipETag], lastModified: file.lastModified
        )
        if notModified { return Response(status: .notModified, headers: headers) }
        if gzip { headers[.contentEncoding] = "gzip" }
        return Self.body(gzip ? file.gzipped! : file.body, status: .ok, headers: headers, head: head)
    }

    /// No script, no plug-in, no frame; the page's own inline style and images from anywhere.
    static let pagePolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; frame-ancestors 'none'"

    static var baseHeaders: HTTPFields {
        [.xContentTypeOptions: "nosniff", .server: "feedd/\(FeeddVersion.current)"]
    }

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

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
}
