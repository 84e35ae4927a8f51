/// FNV-1a, 64-bit (draft-eastlake-fnv: offset basis 0xcbf29ce484222325, prime 0x100000001b3).
public struct FNV1a64: Sendable {
    public init() {}

    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public mutating func add(_ bytes: some Sequence<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ add(buffer: $0) }) != nil { return }
        for byte in bytes { add(byte) }
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(buffer: $0) }
    }

    private mutating func add(buffer: UnsafeBufferPointer<UInt8>) {
        var hash = value
        for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        value = hash
    }

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hasher = FNV1a64()
        hasher.add(bytes)
        return hasher.value
    }

    /// The value as 16 lowercase hex digits.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var output = [UInt8](repeating: 0x30, count: 16)
        var rest = value
        for index in stride(from: 15, through: 0, by: -1) {
            output[index] = digits[Int(rest & 0xF)]
            rest >>= 4
        }
        return String(decoding: output, as: UTF8.self)
    }
}
