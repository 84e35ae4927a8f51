import FeedCore
/// Renders metric families in the Prometheus text exposition format (version 0.0.4), deterministically.
///
/// Families come out sorted by name, each with its `# HELP` and `# TYPE` lines, then its samples sorted by
/// their rendered labels; a family without samples is left out. Escaping follows the format's rules: `\` and
/// newline in help text, `\`, `"` and newline in label values.
public enum PrometheusText {
    /// The whole exposition, ending with a newline (empty when no family has a sample).
    public static func render(_ families: [PrometheusFamily]) -> String {
        var text = ""
        for family in families.sorted(by: { $0.name < $1.name }) where !family.samples.isEmpty {
            text += "# HELP \(family.name) \(escapeHelp(family.help))\n"
            text += "# TYPE \(family.name) \(family.kind.rawValue)\n"
            for sample in family.samples.sorted(by: { precedes($0.labels, $1.labels) }) {
                text += family.name + renderLabels(sample.labels) + " " + renderValue(sample.value) + "\n"
            }
        }
        return text
    }

    /// Lexicographic order of label lists, by name then value of each pair.
    static func precedes(_ a: [PrometheusSample.Label], _ b: [PrometheusSample.Label]) -> Bool {
        for (x, y) in zip(a, b) {
            if x.name != y.name { return x.name < y.name }
            if x.value != y.value { return x.value < y.value }
        }
        return a.count < b.count
    }

    /// `{a="x",b="y"}`, or nothing when there are no labels.
    static func renderLabels(_ labels: [PrometheusSample.Label]) -> String {
        guard !labels.isEmpty else { return "" }
        return "{" + labels.map { "\($0.name)=\"\(escapeLabelValue($0.value))\"" }.joined(separator: ",") + "}"
    }

    /// Whole numbers below 10^18 without a fraction (`12`), others in Swift's shortest round-trip form (`0.25`,
    /// `1e-05`, `1e+20`), and `NaN`, `+Inf`, `-Inf` as the format spells them.
    static func renderValue(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e18 { return String(Int64(value)) }
        return String(value)
    }

    /// Help text: `\` becomes `\\`, a newline `\n`.
    static func escapeHelp(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// Label values: `\` becomes `\\`, `"` becomes `\"`, a newline `\n`.
    static func escapeLabelValue(_ text: String) -> String {
        escape(text, quotes: true)
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\"" where quotes: out += "\\\""
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
