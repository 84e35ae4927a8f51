/// A fixed map from names to values, built once: one multiply and usually one comparison per lookup.
///
/// Open addressing with linear probing in a table at least four times larger than its entries.
public struct HTMLNameTable<Value: Sendable>: Sendable {
    @usableFromInline let keys: [PackedHTMLName?]
    @usableFromInline let values: [Value?]
    @usableFromInline let shift: UInt64

    /// A table of `entries`; a name listed twice keeps its first value.
    public init(_ entries: [(name: String, value: Value)]) {
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 4 { bits += 1 }
        let size = 1 << Int(bits)
        var keys = [PackedHTMLName?](repeating: nil, count: size)
        var values = [Value?](repeating: nil, count: size)
        shift = 64 - bits
        for entry in entries {
            let key = PackedHTMLName(entry.name)
            var slot = Int(truncatingIfNeeded: key.mixed >> shift)
            while let existing = keys[slot], existing != key { slot = (slot + 1) & (size - 1) }
            if keys[slot] == nil {
                keys[slot] = key
                values[slot] = entry.value
            }
        }
        self.keys = keys
        self.values = values
    }

    /// The value for `name`, if it is in the table.
    @inlinable
    public subscript(name: PackedHTMLName) -> Value? {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: name.mixed >> shift)
        while let key = keys[slot] {
            if key == name { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The value for the name spelled by `bytes`, if it is in the table.
    @inlinable
    public subscript(bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let name = PackedHTMLName(bytes) else { return nil }
        return self[name]
    }
}
