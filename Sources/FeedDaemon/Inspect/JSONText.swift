import FeedCore
/// A small ordered JSON value and its pretty printer (keys stay in the order given: diff-friendly reports).
indirect enum JSONText {
    case string(String?)
    case number(Int64?)
    case bool(Bool)
    case array([JSONText])
    case object([(String, JSONText)])

    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch self {
        case .string(let value): return value.map(Self.quote) ?? "null"
        case .number(let value): return value.map { String($0) } ?? "null"
        case .bool(let value): return value ? "true" : "false"
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { pad + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n" + closePad + "]"
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            return "{\n" + fields.map { pad + Self.quote($0.0) + ": " + $0.1.rendered(indent: indent + 1) }
                .joined(separator: ",\n") + "\n" + closePad + "}"
        }
    }

    /// RFC 8259 §7 string escaping.
    static func quote(_ text: String) -> String { TextQuoting.quoted(text) }
}
