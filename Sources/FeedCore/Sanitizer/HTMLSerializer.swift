import FeedXML

/// Writes `HTMLNode`s as HTML: exact escaping, attributes in order, void elements without end tags.
///
/// Text escapes `&`, `<` and `>`; attribute values are double-quoted and escape `"` too. Characters
/// XML 1.0 forbids (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF) are
/// removed, so the result can be embedded in an Atom document.
enum HTMLSerializer {
    static func serialize(_ nodes: [HTMLNode]) -> String {
        var output = ""
        write(nodes, to: &output)
        return output
    }

    private static func write(_ nodes: [HTMLNode], to output: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                escape(text, quote: false, to: &output)
            case .element(let name, let attributes, let children):
                output += "<" + name
                for attribute in attributes {
                    output += " " + attribute.name + "=\""
                    escape(attribute.value, quote: true, to: &output)
                    output += "\""
                }
                output += ">"
                if HTMLNode.voidElements.contains(name) { continue }
                write(children, to: &output)
                output += "</" + name + ">"
            }
        }
    }

    private static func escape(_ text: String, quote: Bool, to output: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quote: output += "&quot;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}
