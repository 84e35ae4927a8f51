/// Catches, before TOMLKit sees the text, the malformed table headers on which its C++ parser (toml++)
/// stops the process with a failed assertion instead of returning an error (`[` or `[[` followed by
/// anything but a key, found by fuzzing the configuration reader): a bad file must get a clear error, and a
/// SIGHUP with a bad file must not end the daemon.
enum TOMLPrecheck {
    /// The first problem as (line, column, message), 1-based; nil when the headers are well formed.
    static func firstProblem(in text: String) -> (line: Int, column: Int, message: String)? {
        var inMultiline: String? = nil
        // The parser skips a byte order mark, so a header may follow it.
        let text = text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let delimiter = inMultiline {
                // Inside a multi-line string: look only for its end.
                if rawLine.contains(delimiter) { inMultiline = nil }
                continue
            }
            let line = Array(rawLine.unicodeScalars)
            var position = 0
            while position < line.count, line[position] == " " || line[position] == "\t" { position += 1 }
            guard position < line.count, line[position] != "#" else { continue }
            if line[position] == "[" {
                position += 1
                if position < line.count, line[position] == "[" { position += 1 }
                while position < line.count, line[position] == " " || line[position] == "\t" { position += 1 }
                let next = position < line.count ? line[position] : "\n"
                if next != "]" && !isBareKeyCharacter(next) && next != "\"" && next != "'" {
                    return (index + 1, position + 1, "a table header must name a table, like [feed] or [[source]]")
                }
                continue
            }
            // A key-value line whose value opens a multi-line string that does not close on the same line.
            guard let equals = rawLine.firstIndex(of: "=") else { continue }
            let value = rawLine[rawLine.index(after: equals)...].drop { $0 == " " || $0 == "\t" }
            for delimiter in ["\"\"\"", "'''"] where value.hasPrefix(delimiter) && !value.dropFirst(3).contains(delimiter) {
                inMultiline = delimiter
            }
        }
        return nil
    }

    static func isBareKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
    }
}
