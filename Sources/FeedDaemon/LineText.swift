/// Text made safe to print as one line of a log or of `feedd status`.
public enum LineText {
    /// `text` safe for one log line: control characters (`\n`, `\r`, `\t`, escape…), C1 controls, line and
    /// paragraph separators and bidirectional overrides are spelled out, so a file name or a server's
    /// message can neither forge a line nor reach the terminal as a command.
    public static func escaped(_ text: String) -> String {
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: output += "\\n"
            case 0x0D: output += "\\r"
            case 0x09: output += "\\t"
            case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
