/// What a person sees of a terminal's output, as far as feedd drives one: characters overwrite at the
/// cursor, a carriage return goes back to the first column, `ESC [ K` erases to the end of the line, a newline
/// ends the line. Lines do not wrap; any other escape sequence is kept as text, so a test sees it.
struct TerminalScreen {
    /// The lines that ended with a newline, as they were left on screen.
    var lines: [String] = []
    /// The line the cursor is on.
    var current = ""

    init(_ output: String) {
        var line: [Unicode.Scalar] = []
        var column = 0
        let scalars = Array(output.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}", index + 2 < scalars.count, scalars[index + 1] == "[", scalars[index + 2] == "K" {
                if column < line.count { line.removeSubrange(column...) }
                index += 3
                continue
            }
            switch scalar {
            case "\r":
                column = 0
            case "\n":
                lines.append(Self.text(line))
                line = []
                column = 0
            default:
                if column < line.count { line[column] = scalar } else { line.append(scalar) }
                column += 1
            }
            index += 1
        }
        current = Self.text(line)
    }

    private static func text(_ scalars: [Unicode.Scalar]) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }
}
