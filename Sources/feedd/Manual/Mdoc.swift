import Foundation

/// Text for mdoc(7) manual pages: roff escapes for text lines and macro arguments, and the README's
/// Markdown code spans (`x`) in bold.
///
/// The output is plain ASCII (every other character as `\[uXXXX]`), so groff reads it the same with or
/// without preconv, whatever the locale.
enum Mdoc {
    /// Running text: one or more text lines, each guarded so that roff cannot take it for a request
    /// (a leading dot or apostrophe), with code spans in bold and paragraph breaks (blank lines) as `.Pp`.
    static func text(_ markdown: String) -> String {
        var lines: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if let last = lines.last, last != ".Pp" { lines.append(".Pp") }
                continue
            }
            lines.append(textLine(codeSpans(trimmed)))
        }
        while lines.last == ".Pp" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Lines shown as written (`.Bd -literal`), for examples and command lines.
    static func literal(_ lines: [String]) -> String {
        ([".Bd -literal -offset indent"] + lines.map { textLine(escaped($0)) } + [".Ed"]).joined(separator: "\n")
    }

    /// One macro argument: escaped, quoted when it holds a blank, and guarded so that a word such as
    /// `Ar` or `No` is printed, not called as a macro.
    static func argument(_ text: String) -> String {
        let body = escaped(text).replacingOccurrences(of: "\"", with: "\\(dq")
        if body.isEmpty || body.contains(" ") { return "\"\\&\(body)\"" }
        return "\\&" + body
    }

    /// `text` with backslashes as `\e`, hyphens as `\-` and non-ASCII characters as `\[uXXXX]`.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\e"
            // A minus, not a hyphen: options and paths must copy and search as typed.
            case "-": result += "\\-"
            case "\t": result += " "
            case _ where scalar.isASCII: result.unicodeScalars.append(scalar)
            default: result += "\\[u" + hex(scalar.value) + "]"
            }
        }
        return result
    }

    /// `text` escaped, with each Markdown code span (`x`) in bold.
    static func codeSpans(_ text: String) -> String {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { index, part in
            index % 2 == 1 ? "\\fB" + escaped(String(part)) + "\\fP" : escaped(String(part))
        }.joined()
    }

    /// An escaped line made safe to stand alone: one starting with a dot, an apostrophe or a blank is
    /// preceded by the zero-width `\&`.
    static func textLine(_ escapedLine: String) -> String {
        guard let first = escapedLine.first, first == "." || first == "'" || first == " " else { return escapedLine }
        return "\\&" + escapedLine
    }

    /// `Month day, year`, as `.Dd` wants it, from `YYYY-MM-DD`; nil for anything else.
    static func date(_ iso: String) -> String? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, iso.count == 10, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        return "\(months[parts[1] - 1]) \(parts[2]), \(parts[0])"
    }

    /// Four (or more) upper-case hex digits, as groff's `\[uXXXX]` wants them.
    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
