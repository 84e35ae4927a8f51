import FeedXML

/// Escapes the ampersands libxml2 would drop while recovering, before it sees them: a bare `&`
/// (`Fish & Chips`, `?a=1&b=2`) and a reference to an entity that is neither XML's five nor HTML 4's
/// (so `&lol9;` or `&xxe;` declared in a DTD read as literal text and are never expanded), except the
/// document's own entities that the first parse expanded (`declared`).
/// CDATA sections, comments and the DOCTYPE are left alone.
enum MarkupRepair {
    struct Report {
        var bareAmpersands = 0
        var unknownEntities = 0
    }

    private static let declarationOpen = Array("<!".utf8)
    private static let cdataOpen = Array("<![CDATA[".utf8)
    private static let commentOpen = Array("<!--".utf8)

    static func escapeStrayAmpersands(_ bytes: inout [UInt8], from start: Int, declared: Set<String> = []) -> Report {
        var report = Report()
        var fixes: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            var nextDeclaration = ByteSearch.first(declarationOpen, anchor: 1, in: buffer, from: index) ?? buffer.count
            while let ampersand = ByteSearch.first(UInt8(ascii: "&"), in: buffer, from: index) {
                if nextDeclaration < ampersand {
                    index = skipDeclaration(buffer, at: nextDeclaration)
                    nextDeclaration = ByteSearch.first(declarationOpen, anchor: 1, in: buffer, from: index) ?? buffer.count
                    continue
                }
                switch classifyReference(buffer, at: ampersand, declared: declared) {
                case .valid, .html: break
                case .bare:
                    report.bareAmpersands += 1
                    fixes.append(ampersand)
                case .unknown:
                    report.unknownEntities += 1
                    fixes.append(ampersand)
                }
                index = ampersand + 1
            }
        }
        guard !fixes.isEmpty else { return report }
        var repaired: [UInt8] = []
        repaired.reserveCapacity(bytes.count + fixes.count * 4)
        var previous = 0
        for fix in fixes {
            repaired.append(contentsOf: bytes[previous...fix])
            repaired.append(contentsOf: Array("amp;".utf8))
            previous = fix + 1
        }
        repaired.append(contentsOf: bytes[previous...])
        bytes = repaired
        return report
    }

    /// The Netscape RSS 0.91 DTD declares the HTML entities, so they are no fault there (feedparser agrees).
    static func declaresNetscapeDTD(_ bytes: [UInt8], from start: Int) -> Bool {
        let head = String(decoding: bytes[start..<min(bytes.count, start + 1_024)], as: UTF8.self)
        return head.contains("-//Netscape Communications//DTD RSS 0.91//EN")
    }

    /// XML 1.0 §4.6: the five entities every parser knows.
    private static let predefined: [[UInt8]] = ["lt", "gt", "amp", "quot", "apos"].map { Array($0.utf8) }

    private enum Reference { case valid, html, bare, unknown }

    private static func classifyReference(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int, declared: Set<String>) -> Reference {
        var cursor = index + 1
        let limit = min(buffer.count, index + 40)
        if cursor < limit, buffer[cursor] == UInt8(ascii: "#") {
            cursor += 1
            let hex = cursor < limit && (buffer[cursor] == UInt8(ascii: "x") || buffer[cursor] == UInt8(ascii: "X"))
            if hex { cursor += 1 }
            let digitsStart = cursor
            while cursor < limit, isDigit(buffer[cursor], hex: hex) { cursor += 1 }
            return cursor > digitsStart && cursor < limit && buffer[cursor] == UInt8(ascii: ";") ? .valid : .bare
        }
        let nameStart = cursor
        while cursor < limit, isNameByte(buffer[cursor]) { cursor += 1 }
        guard cursor > nameStart, cursor < limit, buffer[cursor] == UInt8(ascii: ";") else { return .bare }
        let name = UnsafeBufferPointer(rebasing: buffer[nameStart..<cursor])
        if predefined.contains(where: { $0.elementsEqual(name) }) { return .valid }
        let text = String(decoding: name, as: UTF8.self)
        if declared.contains(text) { return .valid }
        if HTMLEntityNames.character(named: text) != nil { return .html }
        return .unknown
    }

    /// The index just past a `<!…>` construct: CDATA, comment, or DOCTYPE with its internal subset.
    private static func skipDeclaration(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        if ByteSearch.matches(cdataOpen, in: buffer, at: index) {
            return ByteSearch.first(Array("]]>".utf8), in: buffer, from: index + 9).map { $0 + 3 } ?? buffer.count
        }
        if ByteSearch.matches(commentOpen, in: buffer, at: index) {
            return ByteSearch.first(Array("-->".utf8), in: buffer, from: index + 4).map { $0 + 3 } ?? buffer.count
        }
        var cursor = index + 2, depth = 0
        while cursor < buffer.count {
            switch buffer[cursor] {
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ">") where depth <= 0: return cursor + 1
            default: break
            }
            cursor += 1
        }
        return cursor
    }

    private static func isDigit(_ byte: UInt8, hex: Bool) -> Bool {
        (48...57).contains(byte) || (hex && ((65...70).contains(byte) || (97...102).contains(byte)))
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 95 || byte == 45
            || byte == 46 || byte == 58
    }
}
