/// The keys of `feedd.toml` as its documentation shows them (the manual page `feedd.toml(5)`): a read-only
/// view of `ConfigurationSchema`, in the order `feedd check` prints them, so the page cannot drift from
/// what the loader accepts.
public enum ConfigurationReference {
    /// One table of the file: a `[section]`, or the `[[source]]` array of tables.
    public struct Table: Sendable {
        public let name: String
        /// True for `[[source]]` and `[[output]]`, which may be given any number of times.
        public let isArray: Bool
        public let keys: [Key]

        /// The table's header as written in the file: `[feed]`, `[[source]]`.
        public var header: String { isArray ? "[[\(name)]]" : "[\(name)]" }
    }

    /// One key: its TOML type, built-in value and meaning (the last two in the README's Markdown).
    public struct Key: Sendable {
        public let name: String
        /// `string`, `integer from 1 to 100000`, `boolean`, or `string or array of strings`.
        public let type: String
        public let builtIn: String
        public let meaning: String
    }

    /// Every table with its keys: the sections, then `[[source]]` and `[[output]]`.
    public static var tables: [Table] {
        ConfigurationSchema.sections.map { section in
            Table(name: section.name, isArray: false, keys: section.keys.map {
                Key(name: $0.name, type: $0.type.documented, builtIn: $0.builtIn, meaning: $0.meaning)
            })
        } + [
            Table(name: "source", isArray: true, keys: ConfigurationSchema.sourceKeys.map {
                Key(name: $0.name, type: $0.type.documented, builtIn: $0.builtIn, meaning: $0.meaning)
            }),
            Table(name: "output", isArray: true, keys: ConfigurationSchema.outputKeys.map {
                Key(name: $0.name, type: $0.type.documented, builtIn: $0.builtIn, meaning: $0.meaning)
            }),
        ]
    }
}

extension ConfigurationSchema.ValueType {
    /// The type as the manual page spells it.
    var documented: String {
        switch self {
        case .string: "string"
        case .integer(let range): "integer from \(range.lowerBound) to \(range.upperBound)"
        case .boolean: "boolean"
        case .strings: "string or array of strings"
        case .stringTable: "inline table of strings"
        }
    }
}
