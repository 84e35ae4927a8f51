/// Wraps raw, unescaped HTML inside RSS `description` and `content:encoded` in a CDATA section before
/// libxml2 sees it: HTML such as `<br>` or `<p>` left open would otherwise desynchronise the element
/// stack and swallow the following items. Text that is already escaped or in CDATA is left alone.
enum RawHTMLRepair {
    private static let elements: [[UInt8]] = [Array("description".utf8), Array("content:encoded".utf8)]
    private static let cdataOpen = Array("<![CDATA[".utf8)
    private static let cdataClose = Array("]]>".utf8)

    /// Returns how many elements were wrapped.
    static func wrap(_ bytes: inout [UInt8], from start: Int) -> Int {
        var spans: [(Range<Int>, [UInt8])] = []
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            while let open = ByteSearch.first(UInt8(ascii: "<"), in: buffer, from: index) {
                if ByteSearch.matches(cdataOpen, in: buffer, at: open) {
                    index = ByteSearch.first(cdataClose, in: buffer, from: open + cdataOpen.count).map { $0 + cdataClose.count } ?? buffer.count
                    continue
                }
                index = open + 1
                guard let name = elementName(buffer, at: open + 1),
                      let tagEnd = ByteSearch.first(UInt8(ascii: ">"), in: buffer, from: open),
                      buffer[tagEnd - 1] != UInt8(ascii: "/")
                else { continue }
                let closing = [UInt8(ascii: "<"), UInt8(ascii: "/")] + name
                guard let contentEnd = ByteSearch.first(closing, in: buffer, from: tagEnd + 1) else { return }
                let inner = UnsafeBufferPointer(rebasing: buffer[(tagEnd + 1)..<contentEnd])
                if hasRawTag(inner) { spans.append(((tagEnd + 1)..<contentEnd, cdata(inner))) }
                index = contentEnd + closing.count
            }
        }
        guard !spans.isEmpty else { return 0 }
        var repaired: [UInt8] = []
        repaired.reserveCapacity(bytes.count + spans.count * 16)
        var previous = 0
        for (range, replacement) in spans {
            repaired.append(contentsOf: bytes[previous..<range.lowerBound])
            repaired.append(contentsOf: replacement)
            previous = range.upperBound
        }
        repaired.append(contentsOf: bytes[previous...])
        bytes = repaired
        return spans.count
    }

    /// The name of a watched element whose start tag begins at `index`, if it is one.
    private static func elementName(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> [UInt8]? {
        for name in elements where index + name.count < buffer.count {
            var matches = true
            for offset in name.indices where buffer[index + offset] != name[offset] {
                matches = false
                break
            }
            let next = buffer[index + name.count]
            if matches && (next == UInt8(ascii: ">") || next == 32 || next == 9 || next == 10 || next == 13 || next == UInt8(ascii: "/")) {
                return name
            }
        }
        return nil
    }

    /// True when a tag (`<p`, `</p`, `<br`) occurs outside CDATA sections.
    private static func hasRawTag(_ inner: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while let open = ByteSearch.first(UInt8(ascii: "<"), in: inner, from: index), open + 1 < inner.count {
            if inner[open + 1] == UInt8(ascii: "!") {
                index = ByteSearch.first(cdataClose, in: inner, from: open).map { $0 + 3 } ?? inner.count
                continue
            }
            let next = inner[open + 1] | 0x20
            if (next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z")) || inner[open + 1] == UInt8(ascii: "/") { return true }
            index = open + 1
        }
        return false
    }

    /// The inner text as one CDATA section: existing CDATA markers dropped, `]]>` split.
    private static func cdata(_ inner: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output = cdataOpen
        var index = 0
        while index < inner.count {
            if ByteSearch.matches(cdataOpen, in: inner, at: index) {
                let end = ByteSearch.first(cdataClose, in: inner, from: index + cdataOpen.count) ?? inner.count
                output.append(contentsOf: inner[(index + cdataOpen.count)..<end])
                index = min(inner.count, end + cdataClose.count)
                continue
            }
            if ByteSearch.matches(cdataClose, in: inner, at: index) {
                output.append(contentsOf: Array("]]]]><![CDATA[>".utf8))
                index += 3
                continue
            }
            output.append(inner[index])
            index += 1
        }
        return output + cdataClose
    }
}
