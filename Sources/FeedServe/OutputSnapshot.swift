import CompressNIO
import FeedCore
import FeedIO
import Foundation
import NIOCore

/// The output directory as the server sends it: every regular file with a servable name, read (and
/// gzipped) after each publish. A file whose size and mtime are unchanged is not read again.
public struct OutputSnapshot: Sendable {
    public private(set) var files: [String: ServedFile] = [:]

    public init() {}

    /// Largest file served (the outputs are far smaller; an administrator's stray file is not read whole).
    static let maxFileSize = 64 << 20

    /// The files of `directory` now, reusing what `previous` read of unchanged ones; a file that cannot be
    /// read is left out and named in `problems`.
    public static func load(
        directory: String, outputFiles: OutputFiles, previous: OutputSnapshot
    ) -> (snapshot: OutputSnapshot, problems: [String]) {
        var snapshot = OutputSnapshot()
        var problems: [String] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where ServableName.isValid(Substring(name)) {
            let path = FilePath.join(directory, name)
            guard let status = FileStatus(path, followLinks: false), status.kind == .regular else { continue }
            if let known = previous.files[name], known.stamp == status.stamp {
                snapshot.files[name] = known
                continue
            }
            do {
                snapshot.files[name] = try read(name, directory: directory, outputFiles: outputFiles)
            } catch {
                problems.append("\(error)")
            }
        }
        return (snapshot, problems)
    }

    /// One file, read now: a regular file that is not a symbolic link, within the size cap.
    static func read(_ name: String, directory: String, outputFiles: OutputFiles) throws -> ServedFile {
        let path = FilePath.join(directory, name)
        let bytes = try FileReader.read(path, limit: maxFileSize, accept: .regularFileNoSymlink)
        // Stat after the read: a file replaced meanwhile is read again at the next load, never served stale.
        let status = FileStatus(path, followLinks: false)
        let contentType = MediaType.of(name, files: outputFiles)
        var hasher = FNV1a64()
        hasher.add(bytes)
        let body = ByteBuffer(bytes: bytes)
        var gzipped: ByteBuffer?
        if MediaType.isCompressible(contentType), bytes.count > 256 {
            var input = body
            if let compressed = try? input.compress(with: .gzip()), compressed.readableBytes < bytes.count {
                gzipped = compressed
            }
        }
        return ServedFile(
            name: name, contentType: contentType, body: body, gzipped: gzipped,
            etag: "\"\(hasher.hex)-\(String(bytes.count, radix: 16))\"",
            lastModified: Date(timeIntervalSince1970: TimeInterval(status?.modifiedSeconds ?? 0)),
            stamp: status?.stamp ?? "-"
        )
    }
}
