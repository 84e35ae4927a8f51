import Testing
@testable import FeedXML

/// The per-parse name table: one id per pointer triple, the same name every time, through growth.
@Suite("Name table")
struct NameTableTests {
    @Test("1,000 distinct triples get 1,000 ids, and each triple finds its own name again")
    func distinctAndStable() {
        let storage = UnsafeMutableRawPointer.allocate(byteCount: 4096, alignment: 8)
        defer { storage.deallocate() }
        var table = NameTable()
        var made = 0
        func lookup(_ i: Int) -> SAXName {
            // Triples share components, as real names share URIs and prefixes.
            let uri = i % 3 == 0 ? nil : UnsafeRawPointer(storage + (i % 7))
            let prefix = i % 2 == 0 ? nil : UnsafeRawPointer(storage + 100 + (i % 5))
            let local = UnsafeRawPointer(storage + 1000 + i)
            return table.name(uri: uri, prefix: prefix, local: local) { id in
                made += 1
                return SAXName(namespaceURI: uri == nil ? nil : "u", prefix: nil, localName: "n\(i)", id: id)
            }
        }
        let first = (0..<1000).map(lookup)
        #expect(Set(first.map(\.id)).count == 1000)
        #expect(made == 1000)
        for i in stride(from: 999, through: 0, by: -1) {
            #expect(lookup(i) == first[i])
        }
        #expect(made == 1000, "a known triple is never made again")
        #expect(first[42].lowercasedLocalName == "n42")
    }
}
