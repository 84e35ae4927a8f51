import FeedIO
import FeeddTestSupport
import Foundation
import Testing

@Suite struct AtomicFileTests {
    @Test func writesNewFileAndLeavesNoTemporaryFiles() throws {
        let dir = TemporaryDirectory()
        let changed = try AtomicFile.write(Array("hello\n".utf8), to: dir.file("out.xml"))
        #expect(changed)
        #expect(try String(contentsOfFile: dir.file("out.xml"), encoding: .utf8) == "hello\n")
        #expect(dir.names() == ["out.xml"])
    }

    @Test func identicalBytesLeaveTheFileUntouched() throws {
        let dir = TemporaryDirectory()
        try AtomicFile.write(Array("same".utf8), to: dir.file("a"))
        let old = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: dir.file("a"))
        let inode = try FileManager.default.attributesOfItem(atPath: dir.file("a"))[.systemFileNumber] as? Int

        let changed = try AtomicFile.write(Array("same".utf8), to: dir.file("a"))

        let attributes = try FileManager.default.attributesOfItem(atPath: dir.file("a"))
        #expect(!changed)
        #expect(attributes[.modificationDate] as? Date == old)
        #expect(attributes[.systemFileNumber] as? Int == inode)
    }

    @Test func differentBytesReplaceTheFileByRename() throws {
        let dir = TemporaryDirectory()
        try AtomicFile.write(Array("one".utf8), to: dir.file("a"))
        let before = try FileManager.default.attributesOfItem(atPath: dir.file("a"))[.systemFileNumber] as? Int
        let changed = try AtomicFile.write(Array("two, longer".utf8), to: dir.file("a"))
        let after = try FileManager.default.attributesOfItem(atPath: dir.file("a"))[.systemFileNumber] as? Int
        #expect(changed)
        #expect(before != after, "a new inode: the old file was replaced by rename, not rewritten in place")
        #expect(try String(contentsOfFile: dir.file("a"), encoding: .utf8) == "two, longer")
        #expect(dir.names() == ["a"])
    }

    @Test func missingDirectoryIsAClearError() {
        #expect {
            try AtomicFile.write([1, 2, 3], to: "/nonexistent-feedd-dir/out.xml")
        } throws: { error in
            let text = "\(error)"
            return text.contains("/nonexistent-feedd-dir/out.xml") && text.contains("No such file")
        }
    }
}
