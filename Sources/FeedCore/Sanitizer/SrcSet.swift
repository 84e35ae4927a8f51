/// Filters a `srcset` attribute candidate by candidate: HTML §4.8.4.3.10, simplified.
///
/// A candidate is a URL (a run of non-space characters, trailing commas removed) and an optional
/// descriptor (`480w`, `2x`, `1.5x`). Candidates with a disallowed URL or an unknown descriptor are
/// dropped; the rest are written back as `url descriptor, url descriptor`.
enum SrcSet {
    static func filter(_ value: String, urls: URLFilter) -> String? {
        var kept: [String] = []
        var rest = Substring(value)
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "," }
            guard !rest.isEmpty else { break }
            let urlEnd = rest.firstIndex(where: \.isWhitespace) ?? rest.endIndex
            var url = rest[..<urlEnd]
            rest = rest[urlEnd...]
            var descriptor = ""
            if url.hasSuffix(",") {
                while url.hasSuffix(",") { url = url.dropLast() }
            } else {
                let descriptorEnd = endOfDescriptor(in: rest)
                descriptor = rest[..<descriptorEnd].split(whereSeparator: \.isWhitespace).joined(separator: " ")
                rest = rest[descriptorEnd...]
            }
            guard isValidDescriptor(descriptor), let filtered = urls.filter(String(url), as: .resource) else { continue }
            // A space (from a base URL) would split the candidate when read back: encode it.
            let written = filtered.utf8.contains(UInt8(ascii: " ")) ? filtered.replacing(" ", with: "%20") : filtered
            kept.append(descriptor.isEmpty ? written : written + " " + descriptor)
        }
        return kept.isEmpty ? nil : kept.joined(separator: ", ")
    }

    /// The index of the comma ending a descriptor (commas inside parentheses do not count).
    private static func endOfDescriptor(in text: Substring) -> Substring.Index {
        var depth = 0
        for index in text.indices {
            switch text[index] {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case "," where depth == 0: return index
            default: continue
            }
        }
        return text.endIndex
    }

    /// Empty, a width (`480w`) or a pixel density (`2x`, `1.5x`).
    private static func isValidDescriptor(_ descriptor: String) -> Bool {
        if descriptor.isEmpty { return true }
        guard let unit = descriptor.last, unit == "w" || unit == "x" else { return false }
        let number = descriptor.dropLast()
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return false }
        return unit == "x" ? number.filter { $0 == "." }.count <= 1 && number.first != "." : !number.contains(".")
    }
}
