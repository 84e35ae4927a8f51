import FeedDaemon
import Foundation
import Testing

/// The console on a real pipe: what a terminal would receive, byte for byte.
@Suite struct StderrConsoleTests {
    /// Runs `body` with a console on a pipe and returns what came out of the pipe.
    static func written(_ body: (StderrConsole) -> Void) -> String {
        let pipe = Pipe()
        body(StderrConsole(descriptor: pipe.fileHandleForWriting.fileDescriptor))
        try? pipe.fileHandleForWriting.close()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    static let erase = "\r\u{1B}[K"

    @Test func logLinesWithoutAStatusLineAreWrittenAsTheyAre() {
        let out = Self.written { console in
            console.writeLine("first\n")
            console.clear()
            console.writeLine("second\n")
        }
        #expect(out == "first\nsecond\n")
    }

    @Test func aLogLineErasesTheStatusLineThenItIsDrawnAgain() {
        let out = Self.written { console in
            console.show("articles 10/400")
            console.writeLine("WARN  FAIL (ARTICLE) a.txt: skipped\n")
            console.show("articles 20/400")
            console.clear()
            console.writeLine("INFO  once: done\n")
        }
        #expect(out == "\rarticles 10/400\u{1B}[K" + Self.erase + "WARN  FAIL (ARTICLE) a.txt: skipped\n" + "\rarticles 10/400\u{1B}[K"
            + "\rarticles 20/400\u{1B}[K" + Self.erase + "INFO  once: done\n")
    }

    @Test func anUnchangedLineIsNotWrittenAgain() {
        let out = Self.written { console in
            console.show("sources 1/8 due")
            console.show("sources 1/8 due")
            console.clear()
            console.clear()
        }
        #expect(out == "\rsources 1/8 due\u{1B}[K" + Self.erase)
    }

    /// Log lines from many tasks and a redrawing status line never interleave: with the status lines taken
    /// out, every log line is whole.
    @Test func concurrentWritesStayWhole() async {
        let lines = (0..<200).map { "line \($0) " + String(repeating: "x", count: $0 % 50) + "\n" }
        let pipe = Pipe()
        let console = StderrConsole(descriptor: pipe.fileHandleForWriting.fileDescriptor)
        let reader = Task.detached { pipe.fileHandleForReading.readDataToEndOfFile() }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { for i in 0..<500 { console.show("articles \(i)/500") } }
            for chunk in stride(from: 0, to: lines.count, by: 50) {
                group.addTask { for line in lines[chunk..<chunk + 50] { console.writeLine(line) } }
            }
        }
        console.clear()
        try? pipe.fileHandleForWriting.close()
        let out = String(decoding: await reader.value, as: UTF8.self)
        let logOnly = out.replacing(/\r[^\r\n]*\x{1B}\[K/, with: "")
        let written = logOnly.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { String($0) + "\n" }
        #expect(written.sorted() == lines.sorted())
    }
}
