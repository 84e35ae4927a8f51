@testable import FeedIO
import FeeddTestSupport
import Foundation
import Testing

@Suite struct DirectoryListingTests {
    static func listing(_ path: String) throws -> DirectoryListing {
        try DirectoryScanner.list(path) { _ in true }
    }

    /// A listing built by hand from `files`, in the order given.
    static func listing(of files: [ScannedFile]) -> DirectoryListing {
        var listing = DirectoryListing()
        for file in files {
            var name = file.name
            name.withUTF8 { listing.append(name: $0, size: file.size, modifiedNanoseconds: file.modifiedNanoseconds) }
        }
        return listing
    }

    @Test func theDigestIgnoresOrderAndFollowsEveryNameSizeAndMtime() {
        let files = [
            ScannedFile(name: "000_a.txt", size: 10, modifiedNanoseconds: 1_700_000_000_000_000_001),
            ScannedFile(name: "001_b.txt", size: 20, modifiedNanoseconds: 1_700_000_000_000_000_002),
            ScannedFile(name: "été.md", size: 30, modifiedNanoseconds: 1_700_000_000_000_000_003),
        ]
        let digest = Self.listing(of: files).digest
        #expect(Self.listing(of: files.reversed()).digest == digest)
        #expect(Self.listing(of: [files[1], files[2], files[0]]).files == files)
        var variants: [[ScannedFile]] = [Array(files.dropLast()), files + [ScannedFile(name: "x", size: 0, modifiedNanoseconds: 0)]]
        for change in 0..<4 {
            var changed = files
            switch change {
            case 0: changed[1].size += 1
            case 1: changed[1].modifiedNanoseconds += 1
            case 2: changed[1].name = "001_c.txt"
            default: (changed[0].size, changed[1].size) = (changed[1].size, changed[0].size)
            }
            variants.append(changed)
        }
        for variant in variants { #expect(Self.listing(of: variant).digest != digest, "\(variant)") }
        // A file moved from one name to another with its size and mtime is a different set, too.
        #expect(Self.listing(of: [files[0], files[1]]).digest != Self.listing(of: [files[0], files[2]]).digest)
    }

    @Test func aDirectoryListedTwiceGivesTheSameDigestUntilAFileChanges() throws {
        let dir = TemporaryDirectory()
        dir.write("a.txt", "one")
        dir.write("b.txt", "two")
        let first = try Self.listing(dir.path)
        #expect(first.count == 2)
        #expect(try Self.listing(dir.path).digest == first.digest)

        // Rewritten in place: same name, same size, so only the mtime can tell.
        let handle = try #require(FileHandle(forWritingAtPath: dir.file("a.txt")))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data("ONE".utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000)], ofItemAtPath: dir.file("a.txt"))
        #expect(try Self.listing(dir.path).digest != first.digest)
    }

    @Test func aLargeDirectoryListedInParallelHashesLikeTheSameFilesListedByHand() throws {
        let dir = TemporaryDirectory()
        let count = DirectoryScanner.batchSize * 2 + 300
        for index in 0..<count { dir.write(String(format: "%05d_%016x.txt", index, index), String(repeating: "x", count: index % 17)) }
        let listing = try Self.listing(dir.path)
        let files = listing.files
        #expect(listing.count == count)
        #expect(files.map(\.name) == (0..<count).map { String(format: "%05d_%016x.txt", $0, $0) })
        #expect(files.map(\.size) == (0..<count).map { Int64($0 % 17) })
        #expect(Self.listing(of: files.shuffled()).digest == listing.digest)
    }

    @Test func theFilterSeesEachNameOnceAndDotEntriesNever() throws {
        let dir = TemporaryDirectory()
        for name in ["a.txt", "b.tmp", "c.md"] { dir.write(name, "x") }
        var seen: [String] = []
        let listing = try DirectoryScanner.list(dir.path) { name in
            seen.append(String(decoding: name, as: UTF8.self))
            return !name.elementsEqual("b.tmp".utf8)
        }
        #expect(seen.sorted() == ["a.txt", "b.tmp", "c.md"])
        #expect(listing.files.map(\.name) == ["a.txt", "c.md"])
    }
}

@Suite struct DirectoryListingNameTests {
    @Test func aNameThatIsNotUTF8IsSpelledWithEscapesAndKeepsItsBytes() {
        var listing = DirectoryListing()
        let raw: [UInt8] = Array("caf".utf8) + [0xE9] + Array("_é.txt".utf8) + [0xFF]
        raw.withUnsafeBufferPointer { listing.append(name: $0, size: 1, modifiedNanoseconds: 2) }
        var plain = Array("plain.txt".utf8)
        plain.withUnsafeBufferPointer { listing.append(name: $0, size: 1, modifiedNanoseconds: 2) }
        let files = listing.files
        #expect(files.map(\.name) == ["caf\\xE9_é.txt\\xFF", "plain.txt"])
        #expect(files.map(\.rawName) == [raw, nil])
        plain.removeAll()
    }

    @Test func linksAreListedWithTheirTargetsSizeOnlyWhenFollowing() throws {
        let dir = TemporaryDirectory()
        dir.write("target.txt", String(repeating: "x", count: 5_000))
        try FileManager.default.createSymbolicLink(atPath: dir.file("link.txt"), withDestinationPath: "target.txt")
        #expect(mkfifo(dir.file("fifo.txt"), 0o644) == 0)
        let refused = try DirectoryScanner.list(dir.path) { _ in true }.files
        #expect(refused.map(\.name) == ["link.txt", "target.txt"])
        #expect(refused[0].size == Int64("target.txt".utf8.count))
        let followed = try DirectoryScanner.list(dir.path, followSymlinks: true) { _ in true }.files
        #expect(followed.map(\.size) == [5_000, 5_000])
    }
}
