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
        // A link is listed with its own size (so its reader can refuse it) unless links are followed.
        #expect(files.map(\.size) == [1, 2, Int64(dir.file("b.txt").utf8.count)])
        let followed = try DirectoryScanner.list(dir.path, followSymlinks: true) { $0.last != UInt8(ascii: "p") }.files
        #expect(followed.map(\.size) == [1, 2, 2])
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

/// What stands where a file was expected: refused at once, never blocked on, never followed out.
@Suite struct FileReaderAcceptanceTests {
    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let dir = TemporaryDirectory()
        #expect(mkfifo(dir.file("pipe.txt"), 0o644) == 0)
        let started = Date()
        for accept in [FileReader.Acceptance.regularFile, .regularFileNoSymlink, .regularFileWithin(dir.path)] {
            #expect {
                try FileReader.read(dir.file("pipe.txt"), limit: 1_000, accept: accept)
            } throws: { error in
                "\(error)".contains("not a regular file (a FIFO)")
            }
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func aLinkIsRefusedOrFollowedOnlyInside() throws {
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("seeds"), withIntermediateDirectories: true)
        dir.write("outside.txt", "outside")
        dir.write("seeds/inside.txt", "inside")
        try FileManager.default.createSymbolicLink(atPath: dir.file("seeds/out.txt"), withDestinationPath: dir.file("outside.txt"))
        try FileManager.default.createSymbolicLink(atPath: dir.file("seeds/in.txt"), withDestinationPath: "inside.txt")
        #expect(throws: FileError.self) { try FileReader.read(dir.file("seeds/out.txt"), limit: 100, accept: .regularFileNoSymlink) }
        #expect(throws: FileError.self) { try FileReader.read(dir.file("seeds/in.txt"), limit: 100, accept: .regularFileNoSymlink) }
        let seeds = FileReader.resolvedPath(Array(dir.file("seeds").utf8))!
        #expect(try FileReader.read(dir.file("seeds/in.txt"), limit: 100, accept: .regularFileWithin(seeds)) == Array("inside".utf8))
        #expect {
            try FileReader.read(dir.file("seeds/out.txt"), limit: 100, accept: .regularFileWithin(seeds))
        } throws: { error in
            "\(error)".contains("leads outside")
        }
        // An administrator's path may be a link.
        #expect(try FileReader.read(dir.file("seeds/out.txt"), limit: 100) == Array("outside".utf8))
    }

    @Test func aPipeIsReadWhenAnythingIsAccepted() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let message = Array("from a pipe".utf8)
        _ = message.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        defer { close(fds[0]) }
        #expect(try FileReader.read("/proc/self/fd/\(fds[0])", limit: 100, accept: .anything) == message)
    }
}
