/// A fingerprint of `Encodable` values that is the same in every process and every release (Swift's `Hasher`
/// is seeded per process): FNV-1a over every key and value their `encode(to:)` writes.
///
/// A synthesised `Encodable` conformance covers each stored property, so a property added later is part of
/// the fingerprint without anyone remembering to add it, and no reflection runs (`"\(value)"` of a struct
/// goes through `Mirror`, which cost more than the rest of a warm pass's publish check).
public struct StableFingerprint: Sendable {
    private var hasher = FNV1a64()

    public init() {}

    /// Adds `value`'s encoding.
    public mutating func add(_ value: some Encodable) {
        let sink = FingerprintSink(hasher)
        // The sink never throws; encode(to:) only could for a type that refuses to encode, and then that
        // refusal (its description) is what goes into the fingerprint.
        do {
            try value.encode(to: FingerprintEncoder(sink: sink, depth: 0))
        } catch {
            sink.add(tag: 0xFF, depth: 0, text: "\(error)")
        }
        hasher = sink.hasher
    }

    /// The fingerprint as 16 lowercase hex digits.
    public var hex: String { hasher.hex }
}

/// Where the containers write: one FNV-1a state shared by the encoder and every container it hands out.
final class FingerprintSink {
    var hasher: FNV1a64

    init(_ hasher: FNV1a64) {
        self.hasher = hasher
    }

    /// One item: what it is (`tag`), how deep it sits (so `[[1], 2]` and `[[1, 2]]` differ), and its text,
    /// length first (so `"ab", "c"` and `"a", "bc"` differ).
    func add(tag: UInt8, depth: Int, text: String) {
        hasher.add(tag)
        hasher.add(String(depth))
        hasher.add(0)
        hasher.add(String(text.utf8.count))
        hasher.add(0)
        hasher.add(text)
    }
}

struct FingerprintEncoder: Encoder {
    let sink: FingerprintSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.add(tag: 0x7B, depth: depth, text: "")
        return KeyedEncodingContainer(KeyedFingerprintContainer<Key>(sink: sink, depth: depth + 1))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.add(tag: 0x5B, depth: depth, text: "")
        return UnkeyedFingerprintContainer(sink: sink, depth: depth + 1)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleFingerprintContainer(sink: sink, depth: depth)
    }
}

/// A value inside a keyed or unkeyed container: through its own `encode(to:)`, which for a scalar ends in
/// `SingleFingerprintContainer`'s overload for its type.
private func fingerprint(_ value: some Encodable, sink: FingerprintSink, depth: Int) throws {
    try value.encode(to: FingerprintEncoder(sink: sink, depth: depth))
}

struct KeyedFingerprintContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: FingerprintSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    private func key(_ key: Key) {
        sink.add(tag: 0x6B, depth: depth, text: key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws {
        self.key(key)
        sink.add(tag: 0x6E, depth: depth, text: "")
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        self.key(key)
        try fingerprint(value, sink: sink, depth: depth)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        self.key(key)
        return FingerprintEncoder(sink: sink, depth: depth).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        self.key(key)
        return FingerprintEncoder(sink: sink, depth: depth).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        sink.add(tag: 0x5E, depth: depth, text: "")
        return FingerprintEncoder(sink: sink, depth: depth)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        self.key(key)
        return FingerprintEncoder(sink: sink, depth: depth)
    }
}

struct UnkeyedFingerprintContainer: UnkeyedEncodingContainer {
    let sink: FingerprintSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(sink: FingerprintSink, depth: Int) {
        self.sink = sink
        self.depth = depth
    }

    mutating func encodeNil() throws {
        count += 1
        sink.add(tag: 0x6E, depth: depth, text: "")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        count += 1
        try fingerprint(value, sink: sink, depth: depth)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        return FingerprintEncoder(sink: sink, depth: depth).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        return FingerprintEncoder(sink: sink, depth: depth).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        count += 1
        return FingerprintEncoder(sink: sink, depth: depth)
    }
}

/// Where every scalar ends: each standard type has its own overload, so nothing is cast or reflected, and a
/// scalar never comes back to its own `encode(to:)`.
struct SingleFingerprintContainer: SingleValueEncodingContainer {
    let sink: FingerprintSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    private func scalar(_ tag: UInt8, _ text: String) {
        sink.add(tag: tag, depth: depth, text: text)
    }

    mutating func encodeNil() throws { scalar(0x6E, "") }
    mutating func encode(_ value: Bool) throws { scalar(0x62, value ? "1" : "0") }
    mutating func encode(_ value: String) throws { scalar(0x73, value) }
    mutating func encode(_ value: Double) throws { scalar(0x64, String(value.bitPattern)) }
    mutating func encode(_ value: Float) throws { scalar(0x66, String(value.bitPattern)) }
    mutating func encode(_ value: Int) throws { scalar(0x69, String(value)) }
    mutating func encode(_ value: Int8) throws { scalar(0x69, String(value)) }
    mutating func encode(_ value: Int16) throws { scalar(0x69, String(value)) }
    mutating func encode(_ value: Int32) throws { scalar(0x69, String(value)) }
    mutating func encode(_ value: Int64) throws { scalar(0x69, String(value)) }
    mutating func encode(_ value: UInt) throws { scalar(0x69, String(value)) }
    mutating func encode(_ value: UInt8) throws { scalar(0x69, String(value)) }
    mutating func encode(_ value: UInt16) throws { scalar(0x69, String(value)) }
    mutating func encode(_ value: UInt32) throws { scalar(0x69, String(value)) }
    mutating func encode(_ value: UInt64) throws { scalar(0x69, String(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: FingerprintEncoder(sink: sink, depth: depth))
    }
}
