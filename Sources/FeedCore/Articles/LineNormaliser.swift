/// Cleans one line of UTF-8 text: tabs and Unicode spaces become one space, runs collapse, ends are trimmed,
/// control and zero-width characters go, and machine-translation `XNUMX` tokens are removed.
enum LineNormaliser {
    /// The cleaned line; nil when it held only `XNUMX` tokens (the line goes, it does not become a blank one).
    static func normalise(_ line: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(line.count)
        var pendingSpace = false
        var index = 0
        let count = line.count
        @inline(__always) func emit(_ byte: UInt8) {
            if pendingSpace {
                if !output.isEmpty { output.append(0x20) }
                pendingSpace = false
            }
            output.append(byte)
        }
        while index < count {
            let byte = line[index]
            if byte < 0x80 {
                switch byte {
                case 0x20, 0x09, 0x0B, 0x0C: pendingSpace = true
                case 0x00..<0x20, 0x7F: break
                default: emit(byte)
                }
                index += 1
                continue
            }
            switch whitespaceClass(line, at: index) {
            case .space(let length):
                pendingSpace = true
                index += length
            case .drop(let length):
                index += length
            case .keep:
                emit(byte)
                index += 1
            }
        }
        guard XNUMXRemover.containsToken(output) else { return output }
        let cleaned = XNUMXRemover.remove(from: output)
        return cleaned.isEmpty ? nil : cleaned
    }

    private enum ByteClass { case keep, space(Int), drop(Int) }

    /// NBSP, U+2000–U+200A, U+2028/9, U+202F, U+205F and U+3000 are spaces; C1 controls, U+200B, U+2060
    /// and U+FEFF are dropped. Any other byte is kept as it is.
    @inline(__always)
    private static func whitespaceClass(_ line: UnsafeBufferPointer<UInt8>, at index: Int) -> ByteClass {
        let byte = line[index]
        let count = line.count
        switch byte {
        case 0xC2 where index + 1 < count:
            let next = line[index + 1]
            if next == 0xA0 { return .space(2) }
            if next < 0xA0 { return .drop(2) }
        case 0xE2 where index + 2 < count:
            let second = line[index + 1], third = line[index + 2]
            if second == 0x80 {
                if third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF { return .space(3) }
                if third == 0x8B { return .drop(3) }
            } else if second == 0x81 {
                if third == 0x9F { return .space(3) }
                if third == 0xA0 { return .drop(3) }
            }
        case 0xE3 where index + 2 < count:
            if line[index + 1] == 0x80, line[index + 2] == 0x80 { return .space(3) }
        case 0xEF where index + 2 < count:
            if line[index + 1] == 0xBB, line[index + 2] == 0xBF { return .drop(3) }
        default:
            break
        }
        return .keep
    }
}
