/// Validates UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), whole or chunk by chunk.
///
/// `consume` may be called with consecutive pieces of one document: a sequence cut between two pieces
/// is completed by the next one; `finish` says whether the document ended inside one.
struct UTF8Check {
    private(set) var isValid = true
    /// True when at least one multibyte sequence occurs (a pure ASCII file says nothing about its encoding).
    private(set) var hasMultibyte = false
    /// True when a C0 control other than tab, LF or CR occurs (not allowed in XML 1.0).
    private(set) var hasControl = false
    /// Continuation bytes still owed by a sequence cut at the end of the last piece.
    private var owed = 0
    /// The range the next continuation byte must fall in (narrower after E0, ED, F0, F4).
    private var nextMinimum: UInt8 = 0x80, nextMaximum: UInt8 = 0xBF

    init() {}

    /// Checks a whole document.
    init(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBufferPointer { consume($0) }
        finish()
    }

    /// Marks the document invalid when it ended inside a multibyte sequence.
    mutating func finish() {
        if owed > 0 { isValid = false }
    }

    /// 0x80 in every byte lane of `x` that is zero, exactly (no borrow between lanes).
    @inline(__always)
    private static func zeroLanes(_ x: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low7) &+ low7) | x | low7)
    }

    /// True when some byte of `word` is a control other than tab, LF or CR: the lanes below 0x20
    /// (top three bits clear) minus the lanes equal to 0x09, 0x0A or 0x0D.
    @inline(__always)
    private static func hasForbiddenControl(_ word: UInt64) -> Bool {
        let below0x20 = zeroLanes(word & 0xE0E0_E0E0_E0E0_E0E0)
        guard below0x20 != 0 else { return false }
        let allowed = zeroLanes(word ^ 0x0909_0909_0909_0909) | zeroLanes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
            | zeroLanes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
        return below0x20 & ~allowed != 0
    }

    /// Checks the next piece of the document; returns false once the bytes are known not to be UTF-8.
    @discardableResult
    mutating func consume(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard isValid, let base = buffer.baseAddress else { return isValid }
        let count = buffer.count
        var index = 0
        // Finish a sequence the last piece cut.
        while owed > 0, index < count {
            let byte = base[index]
            guard byte >= nextMinimum, byte <= nextMaximum else { isValid = false; return false }
            nextMinimum = 0x80
            nextMaximum = 0xBF
            owed -= 1
            index += 1
        }
        while index < count {
            // Eight bytes at a time: the ASCII ones are skipped up to the first byte with its high bit set.
            if index + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                // Bytes of multibyte sequences are all >= 0x80: only ASCII lanes can be controls.
                if !hasControl, Self.hasForbiddenControl(word) { hasControl = true }
                let high = word & 0x8080_8080_8080_8080
                if high == 0 {
                    index += 8
                    continue
                }
                index += high.trailingZeroBitCount >> 3
            }
            let lead = base[index]
            if lead < 0x80 {
                if lead < 0x20, lead != 0x09, lead != 0x0A, lead != 0x0D { hasControl = true }
                index += 1
                continue
            }
            hasMultibyte = true
            // The common two-byte case (Latin accents) without the general table below.
            if lead >= 0xC2, lead <= 0xDF, index + 1 < count {
                guard base[index + 1] & 0xC0 == 0x80 else { isValid = false; return false }
                index += 2
                continue
            }
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
            default: isValid = false; return false
            }
            var offset = 1
            while offset < length {
                guard index + offset < count else {
                    // Cut by the end of this piece: the next one owes the rest.
                    owed = length - offset
                    if offset == 1 { nextMinimum = minimum; nextMaximum = maximum }
                    return true
                }
                let byte = base[index + offset]
                let (low, high) = offset == 1 ? (minimum, maximum) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= low, byte <= high else { isValid = false; return false }
                offset += 1
            }
            index += length
        }
        return true
    }
}
