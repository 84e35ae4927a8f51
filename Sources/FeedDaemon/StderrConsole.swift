import Foundation
import Synchronization

/// Stderr shared by the log and one status line that redraws in place (the progress of a pass on a terminal).
///
/// Every write goes through one lock, so a log line never lands in the middle of the status line: it first
/// returns to the start of the line and erases it, then the status line is drawn again below the log line.
public final class StderrConsole: Sendable {
    /// The status line on screen; nil when none is.
    private let status = Mutex<String?>(nil)
    private let output: FileHandle

    /// Back to the first column, then erase to the end of the line.
    static let erase = "\r\u{1B}[K"

    /// A console writing to `descriptor` (stderr unless a test says otherwise).
    public init(descriptor: Int32 = STDERR_FILENO) {
        output = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
    }

    /// Draws `text` (one line, no newline) over the status line on screen.
    public func show(_ text: String) {
        status.withLock { shown in
            guard shown != text else { return }
            write(Self.drawing(text))
            shown = text
        }
    }

    /// A status line as written: the text first, then what is left of a longer previous line erased (no
    /// blank frame between the two).
    static func drawing(_ text: String) -> String {
        "\r" + text + "\u{1B}[K"
    }

    /// Erases the status line, if one is on screen.
    public func clear() {
        status.withLock { shown in
            guard shown != nil else { return }
            write(Self.erase)
            shown = nil
        }
    }

    /// Writes a log line (ending in a newline): the status line is erased first and drawn again after it.
    public func writeLine(_ line: String) {
        status.withLock { shown in
            guard let text = shown else { return write(line) }
            write(Self.erase + line + Self.drawing(text))
        }
    }

    /// The whole text in one call; an error is dropped (stderr gone: nowhere to say so).
    private func write(_ text: String) {
        try? output.write(contentsOf: Data(text.utf8))
    }
}
