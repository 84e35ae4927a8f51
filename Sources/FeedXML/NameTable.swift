/// The names of one parse, keyed by libxml2's interned pointers (namespace URI, prefix, local name).
///
/// libxml2 interns every name in its parser dictionary, so one pointer triple always spells the same name
/// for the life of the parser. Looking the triple up in an open-addressing table with a multiplicative hash
/// costs far less than hashing the strings: start tags are the parser's most frequent event.
struct NameTable {
    private struct Slot {
        var uri: UInt = 0, prefix: UInt = 0, local: UInt = 0
        var id = -1
    }

    private var slots = [Slot](repeating: Slot(), count: 64)
    private var count = 0
    /// The names, indexed by id.
    private(set) var names: [SAXName] = []

    /// The name for the triple, made by `make(id)` the first time the triple is seen.
    mutating func name(uri: UnsafeRawPointer?, prefix: UnsafeRawPointer?, local: UnsafeRawPointer?, make: (Int) -> SAXName) -> SAXName {
        let key = (UInt(bitPattern: uri), UInt(bitPattern: prefix), UInt(bitPattern: local))
        var index = Self.hash(key) & (slots.count - 1)
        while slots[index].id >= 0 {
            let slot = slots[index]
            if slot.uri == key.0, slot.prefix == key.1, slot.local == key.2 { return names[slot.id] }
            index = (index + 1) & (slots.count - 1)
        }
        let name = make(names.count)
        names.append(name)
        slots[index] = Slot(uri: key.0, prefix: key.1, local: key.2, id: name.id)
        count += 1
        if count * 2 > slots.count { grow() }
        return name
    }

    private static func hash(_ key: (UInt, UInt, UInt)) -> Int {
        let mixed = (key.0 &* 0x9E37_79B9_7F4A_7C15) ^ (key.1 &* 0xC2B2_AE3D_27D4_EB4F) ^ (key.2 &* 0x1656_67B1_9E37_79F9)
        return Int(truncatingIfNeeded: mixed >> 17)
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        for slot in old where slot.id >= 0 {
            var index = Self.hash((slot.uri, slot.prefix, slot.local)) & (slots.count - 1)
            while slots[index].id >= 0 { index = (index + 1) & (slots.count - 1) }
            slots[index] = slot
        }
    }
}
