/// Validates UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF) in one pass.
struct UTF8Check {
    private(set) var isValid = true
    /// True when at least one multibyte sequence occurs (a pure ASCII file says nothing about its encoding).
    private(set) var hasMultibyte = false
    /// True when a C0 control other than tab, LF or CR occurs (not allowed in XML 1.0).
    private(set) var hasControl = false

    /// True when some byte of `word` is below 0x20 (the classic "has zero byte" test on `byte - 0x20`).
    private static func hasByteBelow0x20(_ word: UInt64) -> Bool {
        (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 != 0
    }

    private static func scanControl(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Bool {
        buffer[start..<start + count].contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }

    init(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index < count {
                // Eight ASCII bytes at a time: no high bit set, nothing below 0x20 worth a second look.
                if index + 8 <= count {
                    let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        if !hasControl, Self.hasByteBelow0x20(word) { hasControl = Self.scanControl(buffer, index, 8) }
                        index += 8
                        continue
                    }
                }
                let lead = buffer[index]
                if lead < 0x80 {
                    if lead < 0x20, lead != 0x09, lead != 0x0A, lead != 0x0D { hasControl = true }
                    index += 1
                    continue
                }
                hasMultibyte = true
                let length: Int
                var minimum: UInt8 = 0x80, maximum: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; minimum = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; maximum = 0x9F
                case 0xF0: length = 4; minimum = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; maximum = 0x8F
                default: isValid = false; return
                }
                guard index + length <= count else { isValid = false; return }
                let second = buffer[index + 1]
                guard second >= minimum && second <= maximum else { isValid = false; return }
                for offset in 2..<length where buffer[index + offset] & 0xC0 != 0x80 {
                    isValid = false
                    return
                }
                index += length
            }
        }
    }
}
