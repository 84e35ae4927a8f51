/// Recognises the closing `Source : https://…` line (also `Sources:`, `Quelle:`, `Fuente:`, `Fonte:`, `Bron:`, any case).
enum SourceLine {
    private static let labels: [[UInt8]] = [
        "sources", "source", "quellen", "quelle", "fuentes", "fuente", "fontes", "fonte", "bronnen", "bron",
    ].map { Array($0.utf8) }

    /// The URL the line points at, or nil when the line is not a source line.
    static func link(in line: [UInt8]) -> String? {
        guard let label = labels.first(where: { hasCaseInsensitivePrefix(line, $0) }) else { return nil }
        var index = label.count
        while index < line.count, line[index] == 0x20 { index += 1 }
        guard index < line.count, line[index] == 0x3A else { return nil }
        index += 1
        while index < line.count, line[index] == 0x20 { index += 1 }
        var url = line[index...].prefix { $0 != 0x20 }
        if url.first == 0x3C, url.last == 0x3E { url = url.dropFirst().dropLast() }
        guard hasCaseInsensitivePrefix(Array(url), Array("http://".utf8))
            || hasCaseInsensitivePrefix(Array(url), Array("https://".utf8)),
            url.count > 8
        else { return nil }
        return String(decoding: url, as: UTF8.self)
    }

    /// ASCII case-insensitive prefix test; `prefix` is lowercase.
    static func hasCaseInsensitivePrefix(_ bytes: [UInt8], _ prefix: [UInt8]) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        for (offset, expected) in prefix.enumerated() {
            var byte = bytes[offset]
            if byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            if byte != expected { return false }
        }
        return true
    }
}
