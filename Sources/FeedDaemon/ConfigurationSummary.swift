/// The resolved configuration as `feedd check` prints it: TOML-like, one key per line, every key of
/// `ConfigurationSchema` in its order.
public enum ConfigurationSummary {
    public static func text(_ c: Configuration) -> String {
        var lines = ["# configuration: \(c.file ?? "built-in defaults") (valid)"]
        lines += c.publishingNotes.map { "# note: \($0)" }
        for section in ConfigurationSchema.sections {
            lines += ["", "[\(section.name)]"]
            lines += section.keys.map { "\($0.name) = \($0.show(c))" }
        }
        for (index, source) in c.sources.enumerated() {
            lines += ["", "[[source]]  # \(index)"]
            lines += ConfigurationSchema.sourceKeys.compactMap { key in key.show(source, c).map { "\(key.name) = \($0)" } }
        }
        for (index, output) in c.outputs.enumerated() {
            let topic = output.topic(c.feed)
            lines += ["", "[[output]]  # \(index): \(topic.files.joined(separator: ", "))"]
            lines += ConfigurationSchema.outputKeys.compactMap { key in key.show(output).map { "\(key.name) = \($0)" } }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
