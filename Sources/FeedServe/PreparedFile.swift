import FeedCore
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1

/// A served file with its answers' heads made in advance (once per publish, not per request): the plain
/// and gzip forms, each as 200 and as 304, for the responder (`HTTPResponse`) and for the channel's fast
/// path (NIO's `HTTPResponseHead`). Only `Date` is left to add when answering.
struct PreparedFile: Sendable {
    struct Form: Sendable {
        var etag: String
        var body: ByteBuffer
        var ok: HTTPResponse
        var notModified: HTTPResponse
        var okHead: HTTPResponseHead
        var notModifiedHead: HTTPResponseHead
    }

    let file: ServedFile
    let plain: Form
    /// Nil when the file is not worth compressing.
    let gzip: Form?

    init(_ file: ServedFile, cacheSeconds: Int) {
        self.file = file
        var fields = FileAnswer.baseHeaders
        fields[.contentType] = file.contentType
        fields[.lastModified] = FeedDate.httpDate(file.lastModified)
        fields[.cacheControl] = "public, max-age=\(cacheSeconds)"
        if file.gzipped != nil { fields[.vary] = "Accept-Encoding" }
        if file.contentType.hasPrefix("text/html") { fields[.contentSecurityPolicy] = FileAnswer.pagePolicy }
        plain = Self.form(fields, etag: file.etag, body: file.body, encoding: nil)
        gzip = file.gzipped.map { Self.form(fields, etag: file.gzipETag, body: $0, encoding: "gzip") }
    }

    private static func form(_ common: HTTPFields, etag: String, body: ByteBuffer, encoding: String?) -> Form {
        var fields = common
        fields[.eTag] = etag
        let notModified = HTTPResponse(status: .notModified, headerFields: fields)
        if let encoding { fields[.contentEncoding] = encoding }
        fields[.contentLength] = String(body.readableBytes)
        let ok = HTTPResponse(status: .ok, headerFields: fields)
        return Form(
            etag: etag, body: body, ok: ok, notModified: notModified,
            okHead: HTTPResponseHead(ok), notModifiedHead: HTTPResponseHead(notModified)
        )
    }
}
