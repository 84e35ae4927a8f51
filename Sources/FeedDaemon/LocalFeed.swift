import FeedCore
import FeedIO
import Glibc

/// Reads a `file://` source: the file's size and mtime stand in for an ETag, so an unchanged file is
/// "not modified" and costs no parsing.
enum LocalFeed {
    static func read(path: String, previousETag: String?, limit: Int) -> FetchOutcome {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failed(FetchFailure(message: "cannot read \(path): \(String(cString: strerror(errno)))"))
        }
        let etag = "file:\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        let metadata = FetchMetadata(status: 200, finalURL: "file://" + path, etag: etag)
        if etag == previousETag { return .notModified(FetchMetadata(status: 304, finalURL: metadata.finalURL, etag: etag)) }
        do {
            return .fetched(FetchedDocument(metadata: metadata, body: try FileReader.read(path, limit: limit), charset: nil))
        } catch {
            return .failed(FetchFailure(message: error.description))
        }
    }
}
