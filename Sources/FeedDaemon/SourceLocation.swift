import FeedIO
import Foundation

/// The forms a source's location takes: http(s) URLs stay as written; file URLs and paths become
/// absolute `file://` URLs (paths relative to the configuration file).
public enum SourceLocation {
    /// The canonical location string, or nil when `text` is neither an http(s)/file URL nor a path.
    public static func normalize(_ text: String, baseDirectory: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            guard let url = URL(string: trimmed), let host = url.host, !host.isEmpty else { return nil }
            return trimmed
        }
        if lower.hasPrefix("file://") {
            guard let url = URL(string: trimmed), url.isFileURL, !url.path.isEmpty else { return nil }
            return "file://" + FilePath.normalize(url.path)
        }
        if trimmed.contains("://") || trimmed.isEmpty { return nil }
        return "file://" + FilePath.resolve(trimmed, against: baseDirectory)
    }

    /// The local path of a `file://` location; nil for network ones.
    public static func filePath(_ location: String) -> String? {
        guard location.hasPrefix("file://") else { return nil }
        return String(location.dropFirst("file://".count))
    }

    /// A display name for a source without one: the host, or the file name.
    public static func defaultName(_ location: String) -> String {
        if let path = filePath(location) { return FilePath.baseName(of: path) }
        return URL(string: location)?.host ?? location
    }
}
