import FeedCore
import HTTPTypes

/// Which answer a GET or HEAD for one output file gets, decided from the request's headers alone: 304
/// when the client's copy is current, else the bytes (gzipped when the client takes it; none for HEAD).
/// Pure: the channel's fast path and the responder both answer through it.
struct FileAnswer {
    /// The form answered with (gzip or plain), whose heads `PreparedFile` made.
    var form: PreparedFile.Form
    var notModified: Bool
    /// Whether the body follows the head (not for 304, not for HEAD).
    var sendsBody: Bool

    init(isHead: Bool, acceptEncoding: String?, ifNoneMatch: String?, ifModifiedSince: String?, file: PreparedFile) {
        form = file.gzip.flatMap { ContentCoding.acceptsGzip(acceptEncoding) ? $0 : nil } ?? file.plain
        // A reader sends back the tag it was given: one exact comparison settles the common case.
        notModified = ifNoneMatch == form.etag || ConditionalRequest.isNotModified(
            ifNoneMatch: ifNoneMatch, ifModifiedSince: ifModifiedSince,
            etags: [file.file.etag, file.file.gzipETag], lastModified: file.file.lastModified
        )
        sendsBody = !notModified && !isHead
    }

    /// No script, no plug-in, no frame; the page's own inline style and images from anywhere.
    static let pagePolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; frame-ancestors 'none'"

    /// What every answer of the server carries.
    static let baseHeaders: HTTPFields = [.xContentTypeOptions: "nosniff", .server: "feedd/\(FeeddVersion.current)"]
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
}
