import FeedCore
import FeedIO

/// Reads a `file://` source: the file's size and mtime stand in for an ETag, so an unchanged file is
/// "not modified" and costs no parsing.
enum LocalFeed {
    static func read(path: String, previousETag: String?, limit: Int) -> FetchOutcome {
        guard let status = FileStatus(path) else {
            return .failed(FetchFailure(message: "cannot read \(path): no such file, or not reachable"))
        }
        let etag = "file:" + status.stamp
        let metadata = FetchMetadata(status: 200, finalURL: "file://" + path, etag: etag)
        if etag == previousETag { return .notModified(FetchMetadata(status: 304, finalURL: metadata.finalURL, etag: etag)) }
        do {
            return .fetched(FetchedDocument(metadata: metadata, body: try FileReader.read(path, limit: limit), charset: nil))
        } catch {
            return .failed(FetchFailure(message: error.description))
        }
    }
}
