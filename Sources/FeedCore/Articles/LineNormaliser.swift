/// Cleans one line of UTF-8 text: tabs and Unicode spaces become one space, runs collapse, ends are trimmed,
/// control and zero-width characters go, and machine-translation `XNUMX` tokens are removed.
enum LineNormaliser {
    /// The cleaned line; nil when it held only `XNUMX` tokens (the line goes, it does not become a blank one).
    static func normalise(_ line: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        // The output is never longer than the input: every replacement is shorter than what it replaces.
        var mayHoldToken = false
        let output = [UInt8](unsafeUninitializedCapacity: line.count) { buffer, initialized in
            var written = 0
            var pendingSpace = false
            var index = 0
            let count = line.count
            while index < count {
                // Eight bytes of plain ASCII text with single inner spaces, as most of a line is, go in one
                // step; anything else (the line's ends, space runs, controls, non-ASCII) byte by byte below.
                while index + 8 <= count, let chunk = Self.plainChunk(line, at: index) {
                    if pendingSpace {
                        if written > 0 {
                            buffer[written] = 0x20
                            written += 1
                        }
                        pendingSpace = false
                    }
                    UnsafeMutableRawPointer(buffer.baseAddress! + written).storeBytes(of: chunk, as: UInt64.self)
                    if Self.zeroBytes(chunk ^ 0x5858_5858_5858_5858) != 0 { mayHoldToken = true }
                    written += 8
                    index += 8
                }
                guard index < count else { break }
                let byte = line[index]
                if byte > 0x20, byte < 0x7F {
                    if pendingSpace {
                        if written > 0 {
                            buffer[written] = 0x20
                            written += 1
                        }
                        pendingSpace = false
                    }
                    if byte == 0x58 { mayHoldToken = true }
                    buffer[written] = byte
                    written += 1
                    index += 1
                    continue
                }
                var length = 1
                if byte < 0x80 {
                    if byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C { pendingSpace = true }
                    index += 1
                    continue
                }
                // Only these lead bytes start a sequence that may be a space or an invisible character;
                // any other byte (other leads, continuation bytes) is copied as it is.
                if byte == 0xC2 || byte == 0xE2 || byte == 0xE3 || byte == 0xEF {
                    switch byteClass(line, at: index) {
                    case .space(let skipped):
                        pendingSpace = true
                        index += skipped
                        continue
                    case .drop(let skipped):
                        index += skipped
                        continue
                    case .keep(let kept):
                        length = kept
                    }
                }
                if pendingSpace {
                    if written > 0 {
                        buffer[written] = 0x20
                        written += 1
                    }
                    pendingSpace = false
                }
                buffer[written] = byte
                for offset in 1..<length { buffer[written + offset] = line[index + offset] }
                written += length
                index += length
            }
            initialized = written
        }
        guard mayHoldToken, XNUMXRemover.containsToken(output) else { return output }
        let cleaned = XNUMXRemover.remove(from: output)
        return cleaned.isEmpty ? nil : cleaned
    }

    /// The eight bytes at `index` when the byte-by-byte loop would copy them unchanged: each is printable
    /// ASCII or a space, the first and last are not spaces, and no two spaces meet. Nil otherwise.
    @inline(__always)
    static func plainChunk(_ line: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64? {
        let chunk = UnsafeRawPointer(line.baseAddress! + index).loadUnaligned(as: UInt64.self)
        let low = chunk & 0x7F7F_7F7F_7F7F_7F7F
        // Per byte, exact (no carry crosses a byte): 0x80 where the byte is at least 0x20, where it is 0x7F or
        // more, and where it is a space.
        let atLeastSpace = (low &+ 0x6060_6060_6060_6060) & 0x8080_8080_8080_8080
        let delOrHigh = (chunk | (low &+ 0x0101_0101_0101_0101)) & 0x8080_8080_8080_8080
        guard atLeastSpace == 0x8080_8080_8080_8080, delOrHigh == 0 else { return nil }
        let spaces = zeroBytes(chunk ^ 0x2020_2020_2020_2020)
        // Little-endian: the first byte is the lowest.
        guard spaces & 0x80 == 0, spaces & 0x8000_0000_0000_0000 == 0, spaces & (spaces >> 8) == 0 else { return nil }
        return chunk
    }

    /// 0x80 in each byte of `value` that is zero, exactly.
    @inline(__always)
    static func zeroBytes(_ value: UInt64) -> UInt64 {
        ~(((value & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | value) & 0x8080_8080_8080_8080
    }

    private enum ByteClass { case keep(Int), space(Int), drop(Int) }

    /// For the sequence at `index` (lead byte C2, E2, E3 or EF): NBSP, U+2000–U+200A, U+2028/9, U+202F, U+205F and U+3000 are
    /// spaces; C1 controls, U+200B, U+2060 and U+FEFF are dropped; anything else is kept whole.
    @inline(__always)
    private static func byteClass(_ line: UnsafeBufferPointer<UInt8>, at index: Int) -> ByteClass {
        let byte = line[index]
        let count = line.count
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard index + length <= count else { return .keep(count - index) }
        switch byte {
        case 0xC2:
            let next = line[index + 1]
            if next == 0xA0 { return .space(2) }
            if next < 0xA0 { return .drop(2) }
        case 0xE2:
            let second = line[index + 1], third = line[index + 2]
            if second == 0x80 {
                if third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF { return .space(3) }
                if third == 0x8B { return .drop(3) }
            } else if second == 0x81 {
                if third == 0x9F { return .space(3) }
                if third == 0xA0 { return .drop(3) }
            }
        case 0xE3:
            if line[index + 1] == 0x80, line[index + 2] == 0x80 { return .space(3) }
        case 0xEF:
            if line[index + 1] == 0xBB, line[index + 2] == 0xBF { return .drop(3) }
        default:
            break
        }
        return .keep(length)
    }
}
