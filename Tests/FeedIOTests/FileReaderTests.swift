import FeedIO
import FeeddTestSupport
import Foundation
import Testing

@Suite struct FileReaderTests {
    @Test func readsWholeFile() throws {
        let dir = TemporaryDirectory()
        let bytes = (0..<100_000).map { UInt8($0 % 251) }
        _ = FileManager.default.createFile(atPath: dir.file("f"), contents: Data(bytes))
        #expect(try FileReader.read(dir.file("f"), limit: 100_000) == bytes)
    }

    @Test func refusesFilesOverTheCap() {
        let dir = TemporaryDirectory()
        dir.write("big", String(repeating: "x", count: 2_000))
        #expect {
            try FileReader.read(dir.file("big"), limit: 1_999)
        } throws: { error in
            "\(error)".contains("2000 bytes, over the 1999-byte cap")
        }
    }

    @Test func emptyFileIsEmpty() throws {
        let dir = TemporaryDirectory()
        dir.write("e", "")
        #expect(try FileReader.read(dir.file("e"), limit: 10).isEmpty)
    }

    @Test func missingFileNamesThePath() {
        #expect {
            try FileReader.read("/nonexistent-feedd/x.txt", limit: 10)
        } throws: { error in
            "\(error)".contains("/nonexistent-feedd/x.txt")
        }
    }
}

@Suite struct DirectoryScannerTests {
    @Test func listsRegularFilesSortedWithSizeAndFilter() throws {
        let dir = TemporaryDirectory()
        dir.write("b.txt", "bb")
        dir.write("a.txt", "a")
        dir.write("skip.tmp", "x")
        try FileManager.default.createDirectory(atPath: dir.file("sub.txt"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: dir.file("link.txt"), withDestinationPath: dir.file("b.txt"))
        let files = try DirectoryScanner.scan(dir.path) { !$0.hasSuffix(".tmp") }
        #expect(files.map(\.name) == ["a.txt", "b.txt", "link.txt"])
        #expect(files.map(\.size) == [1, 2, 2])
        #expect(files.allSatisfy { $0.modifiedNanoseconds > 0 })
    }

    @Test func missingDirectoryThrows() {
        #expect(throws: FileError.self) { try DirectoryScanner.scan("/nonexistent-feedd-seeds") { _ in true } }
    }

    @Test func createsNestedDirectories() throws {
        let dir = TemporaryDirectory()
        try DirectoryScanner.createDirectory(dir.file("x/y/z"))
        #expect(DirectoryScanner.isDirectory(dir.file("x/y/z")))
    }
}

@Suite struct FilePathTests {
    @Test(arguments: [
        ("seeds", "/etc/feedd", "/etc/feedd/seeds"),
        ("../seeds", "/srv/feedd/config", "/srv/feedd/seeds"),
        ("/var/lib/feedd", "/etc", "/var/lib/feedd"),
        ("./a//b/./c", "/x", "/x/a/b/c"),
        ("../../..", "/a", "/"),
    ])
    func resolve(path: String, base: String, expected: String) {
        #expect(FilePath.resolve(path, against: base) == expected)
    }
}

@Suite struct ProcessLockTests {
    @Test func secondHolderIsRefusedWithThePid() throws {
        let dir = TemporaryDirectory()
        let first = try ProcessLock(path: dir.file("feedd.lock"), wait: false)
        #expect {
            _ = try ProcessLock(path: dir.file("feedd.lock"), wait: false)
        } throws: { error in
            "\(error)".contains("process \(getpid()) holds the lock")
        }
        withExtendedLifetime(first) {}
    }

    @Test func lockIsFreeAgainAfterRelease() throws {
        let dir = TemporaryDirectory()
        do { _ = try ProcessLock(path: dir.file("feedd.lock"), wait: false) }
        _ = try ProcessLock(path: dir.file("feedd.lock"), wait: false)
    }
}
