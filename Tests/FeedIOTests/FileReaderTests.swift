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

    @Test func aLargeDirectoryIsStatedInParallelAndSortedByNameBytes() throws {
        let dir = TemporaryDirectory()
        // Past the parallel threshold; names share long prefixes, some are shorter than eight bytes, some
        // are not ASCII, so the integer prefix ties and the byte comparison both matter.
        var expected: [String] = []
        for index in 0..<2_600 {
            let name = index % 5 == 0 ? "\(index).md" : index % 7 == 0 ? "été_\(index).txt" : String(format: "%03d_%016x.txt", index % 1000, index)
            dir.write(name, String(repeating: "x", count: index % 13))
            expected.append(name)
        }
        let files = try DirectoryScanner.scan(dir.path) { _ in true }
        #expect(files.map(\.name) == expected.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        let sizes = Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.size) })
        for (index, name) in expected.enumerated() { #expect(sizes[name] == Int64(index % 13)) }
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
