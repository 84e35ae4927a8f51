#if canImport(Glibc)
import Glibc
#endif
import FeedCore

/// A feed file read in 64 KiB pieces with one reused buffer, never loaded whole: the parser streams it.
///
/// The size is taken when the document is opened; each reading stops there, so a file that grows
/// meanwhile is read as it was (and one that shrinks ends early).
public struct FileDocument: FeedDocument {
    public let path: String
    public let byteCount: Int
    static let pieceSize = 64 << 10

    /// Opens `path` for its size; throws when it cannot be opened or is not a regular file.
    public init(path: String) throws(FileError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileError(path: path, operation: "open", errno: errno) }
        let status = FileStatus(info)
        guard status.kind == .regular else {
            throw FileError(path: path, operation: "read", reason: "not a regular file")
        }
        self.path = path
        self.byteCount = Int(status.size)
    }

    /// Whether `path` names a regular file (following links): a pipe or a device cannot be read twice.
    public static func isRegularFile(_ path: String) -> Bool { FileStatus.isRegularFile(path) }

    public func read(_ body: (UnsafeRawBufferPointer) -> Bool) throws(FeedParseError) {
        // Opened non-blocking and checked on the descriptor: a FIFO swapped in since `init` cannot hang the read.
        let fd: Int32
        do {
            fd = try FileReader.open(pathBytes: Array(path.utf8), displayPath: path, accept: .regularFile)
        } catch {
            throw .unreadable(error.description)
        }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.pieceSize, alignment: 16)
        defer { buffer.deallocate() }
        var remaining = byteCount
        while remaining > 0 {
            let got = SystemCall.retrying { Glibc.read(fd, buffer.baseAddress!, min(buffer.count, remaining)) }
            if got < 0 { throw .unreadable(FileError(path: path, operation: "read", errno: errno).description) }
            if got == 0 { return }
            remaining -= got
            guard body(UnsafeRawBufferPointer(rebasing: buffer[..<got])) else { return }
        }
    }
}
