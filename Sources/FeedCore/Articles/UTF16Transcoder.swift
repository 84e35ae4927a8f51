/// UTF-16 to UTF-8; unpaired surrogates become U+FFFD, an odd final byte is dropped.
enum UTF16Transcoder {
    static func utf8(from bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var output: [UInt8] = []
        output.reserveCapacity(units.count * 2)
        _ = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) { output.append($0) }
        return output
    }

    /// For text without a BOM: big-endian when most even bytes are NUL, little-endian when most odd ones are; else nil.
    static func guessByteOrder(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(1024)
        guard sample.count >= 2 else { return nil }
        var evenNUL = 0, oddNUL = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { evenNUL += 1 } else { oddNUL += 1 }
        }
        let pairs = sample.count / 2
        if evenNUL * 2 > pairs, oddNUL * 8 < pairs { return true }
        if oddNUL * 2 > pairs, evenNUL * 8 < pairs { return false }
        return nil
    }
}
