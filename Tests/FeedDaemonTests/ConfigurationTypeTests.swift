@testable import FeedDaemon
import Testing

/// Each key's declared type (the one `feedd.toml(5)` prints) is the one its reader takes: values of the
/// other TOML types are refused with the key's name, and an integer's declared range is exactly the one
/// accepted.
@Suite struct ConfigurationTypeTests {
    struct Case: CustomStringConvertible, Sendable {
        let table: String
        let key: String
        let type: ConfigurationSchema.ValueType
        var description: String { "\(table).\(key)" }

        /// The file with `key = value`; a `[[source]]` gets the URL it requires.
        func document(_ value: String) -> String {
            if table == "output" {
                // An output needs a name and a selection besides the key under test.
                let name = key == "name" ? "" : "name = \"t\"\n"
                let selection = key == "sources" ? "" : "sources = [\"articles\"]\n"
                return "[[output]]\n\(name)\(selection)\(key) = \(value)\n"
            }
            guard table == "source" else { return "[\(table)]\n\(key) = \(value)\n" }
            let url = key == "url" ? "" : "url = \"https://example.org/feed.xml\"\n"
            return "[[source]]\n\(url)\(key) = \(value)\n"
        }

        /// The key as errors name it.
        var errorKey: String { table == "source" || table == "output" ? "\(table)[0].\(key)" : "\(table).\(key)" }
    }

    static let cases: [Case] = ConfigurationSchema.sections.flatMap { section in
        section.keys.map { Case(table: section.name, key: $0.name, type: $0.type) }
    } + ConfigurationSchema.sourceKeys.map { Case(table: "source", key: $0.name, type: $0.type) }
        + ConfigurationSchema.outputKeys.map { Case(table: "output", key: $0.name, type: $0.type) }

    /// One value of each TOML type; the string and the array suit URL, pattern and host keys alike.
    static let samples = [
        "string": "\"https://example.org/a\"", "integer": "7", "boolean": "true", "array": "[\"https://example.org/a\"]",
        "table": "{ \"X-Test\" = \"a\" }",
    ]

    static func error(loading text: String) -> ConfigurationError? {
        do {
            _ = try ConfigurationLoader.parse(text, file: "f.toml", baseDirectory: "/tmp")
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: cases)
    func valuesOfAnotherTypeAreRefused(_ c: Case) throws {
        let refused: [String] = switch c.type {
        case .string: ["integer", "boolean", "array"]
        case .integer: ["string", "boolean", "array"]
        case .boolean: ["string", "integer", "array"]
        case .strings: ["integer", "boolean"]
        case .stringTable: ["string", "integer", "boolean", "array"]
        }
        for kind in refused {
            let error = try #require(Self.error(loading: c.document(Self.samples[kind]!)), "\(c) accepts a \(kind)")
            #expect(error.key == c.errorKey, "\(error)")
        }
    }

    @Test(arguments: cases)
    func valuesOfTheDeclaredTypeAreTaken(_ c: Case) {
        switch c.type {
        case .integer(let range):
            for accepted in [range.lowerBound, range.upperBound] {
                #expect(Self.error(loading: c.document("\(accepted)")) == nil, "\(c) = \(accepted)")
            }
            for refused in [range.lowerBound - 1, range.upperBound + 1] {
                #expect(Self.error(loading: c.document("\(refused)"))?.key == c.errorKey, "\(c) = \(refused)")
            }
        case .boolean:
            for value in ["true", "false"] {
                #expect(Self.error(loading: c.document(value)) == nil, "\(c) = \(value)")
            }
        case .strings:
            #expect(Self.error(loading: c.document(Self.samples["array"]!)) == nil, "\(c) = an array")
            #expect(Self.error(loading: c.document(Self.samples["string"]!)) == nil, "\(c) = a string")
        case .stringTable:
            #expect(Self.error(loading: c.document(Self.samples["table"]!)) == nil, "\(c) = a table")
        case .string:
            // Strings have formats of their own (a language tag, a file name): only the type is held here.
            let message = Self.error(loading: c.document(Self.samples["string"]!))?.message ?? ""
            #expect(!message.contains("expected a string"), "\(c): \(message)")
        }
    }
}
