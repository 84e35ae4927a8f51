/// Double-quoted strings as JSON (RFC 8259 §7) and TOML basic strings both read them: `"` and `\`
/// escaped, LF, CR and tab as `\n`, `\r`, `\t`, every other control character (and DEL) as `\uXXXX`.
/// (Prometheus label values use fewer escapes and keep their own rule: `PrometheusText`.)
public enum TextQuoting {
    public static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let control where control.value < 0x20 || control.value == 0x7F:
                let hex = String(control.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
