/// Which request paths name a file the server may send: one plain name directly in the output directory
/// (letters, digits, `.`, `-`, `_`; not starting with a dot, so temporary and hidden files stay hidden).
/// Nothing with a slash, a percent escape or `..` ever reaches the file system.
enum ServableName {
    static func fromPath(_ path: String) -> String? {
        guard path.hasPrefix("/") else { return nil }
        let name = path.dropFirst()
        return isValid(name) ? String(name) : nil
    }

    static func isValid(_ name: Substring) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 255, name.utf8.first != UInt8(ascii: ".") else { return false }
        return name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"):
                true
            default: false
            }
        }
    }
}
