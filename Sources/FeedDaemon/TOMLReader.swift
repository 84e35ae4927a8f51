import FeedIO
import Foundation
import TOMLKit

/// Typed, strict access to one TOML table, with errors that name the file and the dotted key.
///
/// TOMLKit reports a wrong type as a missing key; this reader says what was expected and what was found.
struct TOMLReader {
    let file: String
    let table: TOMLTable
    let prefix: String

    func error(_ key: String, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, key: prefix + key, message: message)
    }

    /// Refuses keys this table does not know (a typo must not be silently ignored).
    func checkKeys(allowed: Set<String>) throws(ConfigurationError) {
        for key in table.keys.sorted() where !allowed.contains(key) {
            throw error(key, "unknown key; expected one of: \(allowed.sorted().joined(separator: ", "))")
        }
    }

    func table(_ key: String) throws(ConfigurationError) -> TOMLReader? {
        guard let value = table[key] else { return nil }
        guard let sub = value.table else { throw error(key, "expected a table ([\(prefix + key)]); found \(value.type)") }
        return TOMLReader(file: file, table: sub, prefix: prefix + key + ".")
    }

    /// An array of tables (`[[key]]`), each read with its index in the key (`source[2].url`).
    func tableArray(_ key: String) throws(ConfigurationError) -> [TOMLReader] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else { throw error(key, "expected an array of tables ([[\(prefix + key)]]); found \(value.type)") }
        var readers: [TOMLReader] = []
        for index in 0..<array.count {
            guard let sub = array[index].table else {
                throw error("\(key)[\(index)]", "expected a table; found \(array[index].type)")
            }
            readers.append(TOMLReader(file: file, table: sub, prefix: "\(prefix)\(key)[\(index)]."))
        }
        return readers
    }

    /// An array of non-empty strings (a single string is accepted as one).
    func strings(_ key: String) throws(ConfigurationError) -> [String] {
        guard let value = table[key] else { return [] }
        if let single = value.string { return single.isEmpty ? [] : [single] }
        guard let array = value.array else { throw error(key, "expected an array of strings; found \(value.type)") }
        var texts: [String] = []
        for index in 0..<array.count {
            guard let text = array[index].string, !text.isEmpty else {
                throw error(key, "expected an array of non-empty strings; item \(index) is \(array[index].type)")
            }
            texts.append(text)
        }
        return texts
    }

    func bool(_ key: String) throws(ConfigurationError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard value.type == .bool, let flag = value.bool else { throw error(key, "expected true or false; found \(value.type)") }
        return flag
    }

    /// An array of regular expressions (a single string is accepted as one), each compiled to check it.
    func patterns(_ key: String) throws(ConfigurationError) -> [String] {
        guard let value = table[key] else { return [] }
        var texts: [String] = []
        if let single = value.string {
            texts = [single]
        } else if let array = value.array {
            for index in 0..<array.count {
                guard let text = array[index].string else {
                    throw error(key, "expected an array of strings (regular expressions); item \(index) is \(array[index].type)")
                }
                texts.append(text)
            }
        } else {
            throw error(key, "expected a regular expression or an array of them; found \(value.type)")
        }
        for text in texts {
            do {
                _ = try Regex(text)
            } catch {
                throw self.error(key, "\"\(text)\" is not a valid regular expression: \(error)")
            }
        }
        return texts
    }

    func string(_ key: String, nonEmpty: Bool = false) throws(ConfigurationError) -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string else { throw error(key, "expected a string; found \(value.type)") }
        if nonEmpty && string.allSatisfy(\.isWhitespace) {
            throw error(key, "expected a non-empty string")
        }
        return string
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
        guard let value = table[key] else { return nil }
        guard value.type == .int, let number = value.int else {
            throw error(key, "expected an integer from \(range.lowerBound) to \(range.upperBound); found \(value.type)")
        }
        guard range.contains(number) else {
            throw error(key, "expected an integer from \(range.lowerBound) to \(range.upperBound); found \(number)")
        }
        return number
    }

    /// An absolute http(s) URL; the empty string means "not set".
    func url(_ key: String) throws(ConfigurationError) -> String? {
        guard let text = try string(key) else { return nil }
        if text.isEmpty { return nil }
        guard ConfigurationValues.isHTTPURL(text) else {
            throw error(key, "expected an absolute http:// or https:// URL; found \"\(text)\"")
        }
        return text
    }

    /// A `postgresql://` URL without a password; the empty string means "not set". The error never
    /// repeats the value (it may hold a password, which is refused).
    func postgresLocation(_ key: String) throws(ConfigurationError) -> PostgresLocation? {
        guard let text = try string(key), !text.isEmpty else { return nil }
        do {
            return try PostgresLocation(url: text)
        } catch {
            throw self.error(key, "the URL \(error.description)")
        }
    }

    /// `host:port` to listen on (an IP address or `localhost`; `[v6]:port`); the empty string means "not set".
    func listenAddress(_ key: String) throws(ConfigurationError) -> ListenAddress? {
        guard let text = try string(key), !text.isEmpty else { return nil }
        guard let address = ListenAddress(text) else {
            throw error(key, "expected an address and port like \"127.0.0.1:8080\" or \"[::1]:8080\"; found \"\(text)\"")
        }
        return address
    }

    /// An array of absolute http(s) URLs (a single string is taken as a list of one).
    func urls(_ key: String) throws(ConfigurationError) -> [String] {
        let texts = try strings(key)
        for text in texts where !ConfigurationValues.isHTTPURL(text) {
            throw error(key, "expected absolute http:// or https:// URLs; found \"\(text)\"")
        }
        return texts
    }

    /// A plain file name for an output (no directory part).
    func fileName(_ key: String) throws(ConfigurationError) -> String? {
        guard let text = try string(key, nonEmpty: true) else { return nil }
        guard !text.contains("/"), text != ".", text != "..", !text.hasPrefix(".") else {
            throw error(key, "expected a plain file name like \"atom.xml\" (no directory, not hidden); found \"\(text)\"")
        }
        return text
    }

    /// An inline table of request headers (`{ "X-Token" = "…" }`), in name order; names a source may not
    /// set (feedd's own, framing) and values that could break the request are refused.
    func headers(_ key: String) throws(ConfigurationError) -> [SourceAccess.Header] {
        guard let value = table[key] else { return [] }
        guard let sub = value.table else { throw error(key, "expected a table of header names and values, like { \"X-Api-Key\" = \"…\" }; found \(value.type)") }
        var headers: [SourceAccess.Header] = []
        for name in sub.keys.sorted() {
            guard SourceAccess.isSettableHeader(name) else {
                throw error(key, "\"\(name)\" cannot be set here: expected an HTTP field name other than feedd's own (\(SourceAccess.reservedHeaders.sorted().joined(separator: ", ")); use user_agent and username for those)")
            }
            guard let text = sub[name]?.string, SourceAccess.isSendableValue(text) else {
                throw error(key, "the value of \"\(name)\" must be a string of visible characters, spaces and tabs (no line break)")
            }
            headers.append(SourceAccess.Header(name: name, value: text))
        }
        return headers
    }

    /// An HTTP proxy, `http://host:port`; `""` when `allowEmpty` means "no proxy" (`.some(nil)`).
    func proxy(_ key: String) throws(ConfigurationError) -> SourceAccess.Proxy?? {
        guard let text = try string(key) else { return nil }
        if text.isEmpty { return .some(nil) }
        guard let proxy = SourceAccess.Proxy(url: text) else {
            throw error(key, "expected an HTTP proxy like \"http://proxy.example:3128\" (http://, a host and a port, no credentials or path); found \"\(text)\"")
        }
        return .some(proxy)
    }
}
