/// Eight bytes read as one integer, to pass over runs of ordinary bytes eight at a time (bit tricks from
/// "Bit Twiddling Hacks", S. E. Anderson: exact as yes/no answers).
struct ByteWord {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    let bits: UInt64

    /// The eight bytes at `index` (the caller checks that they exist).
    @inline(__always)
    init(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) {
        bits = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
    }

    /// Whether a byte is below `limit` (at most 128).
    @inline(__always)
    func hasByte(below limit: UInt8) -> Bool {
        (bits &- Self.ones &* UInt64(limit)) & ~bits & Self.highBits != 0
    }

    /// Whether a byte equals `value`.
    @inline(__always)
    func hasByte(_ value: UInt8) -> Bool {
        let difference = bits ^ (Self.ones &* UInt64(value))
        return (difference &- Self.ones) & ~difference & Self.highBits != 0
    }

    /// Whether a byte is 0x80 or above (not ASCII).
    @inline(__always)
    var hasNonASCII: Bool {
        bits & Self.highBits != 0
    }
}
