/// An element or attribute name of at most 15 bytes packed into two integers, with its length: a cheap table key.
///
/// Every name the sanitiser's tables know fits; a longer name is known to none of them.
public struct PackedHTMLName: Hashable, Sendable {
    public static let maxLength = 15

    @usableFromInline let low: UInt64
    @usableFromInline let high: UInt64  // bytes 8..<15, the length in the top byte

    /// nil when `bytes` is empty or longer than `maxLength`.
    @inlinable
    public init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        guard count > 0, count <= Self.maxLength else { return nil }
        var low: UInt64 = 0
        var high = UInt64(count) << 56
        for index in 0..<min(count, 8) { low |= UInt64(bytes[index]) << (8 * index) }
        var index = 8
        while index < count {
            high |= UInt64(bytes[index]) << (8 * (index - 8))
            index += 1
        }
        self.low = low
        self.high = high
    }

    /// The packed form of a table name (at most `maxLength` bytes).
    public init(_ name: String) {
        var name = name
        let packed = name.withUTF8 { PackedHTMLName($0) }
        guard let packed else { preconditionFailure("table name \(name) is empty or longer than \(Self.maxLength) bytes") }
        self = packed
    }

    /// A well-mixed hash for `HTMLNameTable`'s open addressing.
    @usableFromInline @inline(__always)
    var mixed: UInt64 {
        (low &* 0x9E37_79B9_7F4A_7C15) ^ ((high &+ low >> 29) &* 0xC2B2_AE3D_27D4_EB4F)
    }
}
