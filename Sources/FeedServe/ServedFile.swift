import Foundation
import NIOCore

/// One file as the server sends it: its bytes, their gzip form when that is smaller (made once, when the
/// file is loaded, never per request), a strong validator for each, and the file's modification time.
public struct ServedFile: Sendable {
    public let name: String
    public let contentType: String
    public let body: ByteBuffer
    public let gzipped: ByteBuffer?
    /// A strong entity tag of `body` (quoted); the gzip form's is the same with `-gz` inside the quotes.
    public let etag: String
    /// Whole seconds (what `Last-Modified` can say).
    public let lastModified: Date
    /// `size:mtime` as the file system had it when the file was read: unchanged files are not read again.
    public let stamp: String

    /// The gzip form's entity tag.
    var gzipETag: String { String(etag.dropLast()) + "-gz\"" }
}
