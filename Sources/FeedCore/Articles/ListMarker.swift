/// List item markers: `- `, `* `, `• ` (and `+ ` in Markdown).
enum ListMarker {
    /// The item text after the marker, or nil when the line is not an item.
    static func item(in line: [UInt8], allowsPlus: Bool = false) -> [UInt8]? {
        guard line.count >= 2 else { return nil }
        if line[1] == 0x20, line[0] == 0x2D || line[0] == 0x2A || (allowsPlus && line[0] == 0x2B) {
            return Array(line[2...])
        }
        if line.count >= 4, line[0] == 0xE2, line[1] == 0x80, line[2] == 0xA2, line[3] == 0x20 {
            return Array(line[4...])
        }
        return nil
    }
}
