extension StringProtocol {
    /// The text without leading and trailing whitespace, without going through Foundation
    /// (`trimmingCharacters(in:)` walks UTF-16 on Linux and showed in the profile).
    func trimmingWhitespace() -> String {
        // Most values are ASCII at both ends: look at the bytes first, and at Characters (Unicode
        // White_Space) only when an end is not ASCII.
        var start: String.Index?
        var end = startIndex
        var firstByte: UInt8 = 0, lastByte: UInt8 = 0
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte != 0x20, !(0x09...0x0D).contains(byte) {
                if start == nil {
                    start = index
                    firstByte = byte
                }
                end = next
                lastByte = byte
            }
            index = next
        }
        guard let start else { return "" }
        if firstByte < 0x80, lastByte < 0x80 { return String(self[start..<end]) }
        return trimming { $0.isWhitespace }
    }


    /// The text without leading and trailing characters that match `predicate`.
    func trimming(while predicate: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !predicate($0) }), let last = lastIndex(where: { !predicate($0) }) else {
            return ""
        }
        return String(self[first...last])
    }

    /// True when `needle` occurs, compared on UTF-8 bytes (no Foundation, no locale).
    func containsBytes(_ needle: String) -> Bool {
        let haystack = Array(utf8), pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return pattern.isEmpty }
        for start in 0...(haystack.count - pattern.count) where haystack[start] == pattern[0] {
            if haystack[start..<start + pattern.count].elementsEqual(pattern) { return true }
        }
        return false
    }
}
