/// Gives every entry an id: the publisher's, else its link, else `sha-` + FNV-1a-64 of title and content;
/// repeated ids in one feed get `#2`, `#3`, … in document order. The publisher's own id, if any, is kept
/// as written in `publisherID`.
struct EntryIdentity {
    private var seen: [String: Int] = [:]

    /// The entry with its final id; call in document order.
    mutating func assign(_ entry: ParsedEntry) -> ParsedEntry {
        var entry = entry
        entry.publisherID = entry.id.isEmpty ? nil : entry.id
        if entry.id.isEmpty { entry.id = Self.derivedID(entry) }
        let count = (seen[entry.id] ?? 0) + 1
        seen[entry.id] = count
        if count > 1 { entry.id += "#\(count)" }
        return entry
    }

    static func derivedID(_ entry: ParsedEntry) -> String {
        if let link = entry.link, !link.isEmpty { return link }
        let text = (entry.title?.value ?? "") + ((entry.content ?? entry.summary)?.value ?? "")
        return "sha-" + hexFNV1a64(Array(text.utf8))
    }

    /// FNV-1a, 64 bits (offset basis 0xcbf29ce484222325, prime 0x100000001b3), as 16 lowercase hex digits.
    static func hexFNV1a64(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
