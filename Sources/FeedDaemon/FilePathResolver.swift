import FeedIO
import Foundation

/// Resolves configured paths: relative ones against the configuration file's directory.
enum FilePathResolver {
    static func resolve(_ path: String, against base: String) -> String {
        FilePath.resolve(path, against: base)
    }

    /// The process's working directory.
    static var currentDirectory: String {
        FileManager.default.currentDirectoryPath
    }
}
