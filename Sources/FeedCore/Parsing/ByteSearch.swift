#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fast searches in UTF-8 bytes with the C library's vectorised `memchr` and `memmem`: the repair
/// passes run over every byte of every document, so they must cost little next to libxml2 itself.
enum ByteSearch {
    /// The index of the first `byte` at or after `start`, or nil.
    static func first(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int? = nil) -> Int? {
        let limit = end ?? buffer.count
        guard start < limit, let base = buffer.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), limit - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The index of the first occurrence of `pattern` at or after `start`, or nil: `memchr` finds candidates
    /// for `pattern[anchor]` (pick a rare byte: `!` in `<!`), then the whole pattern is compared.
    static func first(_ pattern: [UInt8], anchor: Int = 0, in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int? = nil) -> Int? {
        let limit = end ?? buffer.count
        var cursor = start + anchor
        while cursor < limit, let candidate = first(pattern[anchor], in: buffer, from: cursor, to: limit) {
            let begin = candidate - anchor
            if begin + pattern.count <= limit, matches(pattern, in: buffer, at: begin) { return begin }
            cursor = candidate + 1
        }
        return nil
    }

    /// True when `pattern` starts at `index`.
    static func matches(_ pattern: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index >= 0, index + pattern.count <= buffer.count else { return false }
        for offset in pattern.indices where buffer[index + offset] != pattern[offset] { return false }
        return true
    }
}
