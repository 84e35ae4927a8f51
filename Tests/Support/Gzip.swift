import Foundation

/// Compresses `bytes` with the system's real `gzip -9` (for compressed bodies and gzip bombs in tests).
public func gzipped(_ bytes: [UInt8]) throws -> [UInt8] {
    try gzip(["-c", "-9"], bytes)
}

/// Decompresses `bytes` with the system's `gzip -dc` (to read back what a server sent gzipped).
public func gunzipped(_ bytes: [UInt8]) throws -> [UInt8] {
    try gzip(["-dc"], bytes)
}

/// `/bin/gzip` with `options` on a temporary file holding `bytes`; its standard output.
private func gzip(_ options: [String], _ bytes: [UInt8]) throws -> [UInt8] {
    let input = FileManager.default.temporaryDirectory.appendingPathComponent("feedd-gz-\(UUID().uuidString).gz")
    try Data(bytes).write(to: input)
    defer { try? FileManager.default.removeItem(at: input) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = options + [input.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Array(data)
}
