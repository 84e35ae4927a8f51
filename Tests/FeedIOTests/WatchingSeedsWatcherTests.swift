import FeedIO
import FeeddTestSupport
import Foundation
import Glibc
import Testing

/// The watcher against real inotify on real temporary directories (serialized: the timings are real).
@Suite(.serialized) struct WatchingSeedsWatcherTests {
    @Test func aFileWrittenSlowlyGivesOneBatchOnlyAfterClose() async throws {
        let dir = TemporaryDirectory()
        let recorder = try WatchingRecorder(directory: dir.path)
        let fd = open(dir.file("slow.txt"), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        try #require(fd >= 0)
        _ = write(fd, "Title\n\n", 7)
        try await Task.sleep(for: .milliseconds(400))
        _ = write(fd, "Body.\n", 6)
        try await Task.sleep(for: .milliseconds(400))
        #expect(recorder.batches.isEmpty, "nothing may be reported while the file is still open for writing")

        close(fd)
        #expect(await recorder.wait { !$0.isEmpty })
        try await Task.sleep(for: .milliseconds(400))
        #expect(recorder.batches == [WatchBatch(names: ["slow.txt"])])
    }

    @Test func aTemporaryFileRenamedInIsReportedUnderItsFinalNameOnly() async throws {
        let dir = TemporaryDirectory()
        let recorder = try WatchingRecorder(directory: dir.path)
        dir.write(".draft.txt.tmp", "Title\n\nBody.\n")
        dir.write("other.part", "partial")
        try await Task.sleep(for: .milliseconds(300))
        #expect(recorder.batches.isEmpty, "hidden and temporary names are ignored")

        #expect(rename(dir.file(".draft.txt.tmp"), dir.file("draft.txt")) == 0)
        #expect(await recorder.wait { !$0.isEmpty })
        try await Task.sleep(for: .milliseconds(300))
        #expect(recorder.batches == [WatchBatch(names: ["draft.txt"])])
    }

    @Test func deletingAndMovingOutAreReported() async throws {
        let dir = TemporaryDirectory()
        dir.write("gone.txt", "Title\n")
        dir.write("moved.md", "Title\n")
        try FileManager.default.createDirectory(atPath: dir.file("elsewhere"), withIntermediateDirectories: false)
        let recorder = try WatchingRecorder(directory: dir.path)

        #expect(unlink(dir.file("gone.txt")) == 0)
        #expect(rename(dir.file("moved.md"), dir.file("elsewhere/moved.md")) == 0)

        #expect(await recorder.wait { $0.reduce(into: Set()) { $0.formUnion($1.names) } == ["gone.txt", "moved.md"] })
        #expect(recorder.batches.allSatisfy { !$0.rescanNeeded })
    }

    @Test func aThousandFilesArriveInFewBatches() async throws {
        let dir = TemporaryDirectory()
        let recorder = try WatchingRecorder(directory: dir.path, debounce: .milliseconds(250))
        let expected = Set((0..<1_000).map { String(format: "%04d_article.txt", $0) })
        for name in expected { dir.write(name, "Title \(name)\n\nBody.\n") }

        #expect(await recorder.wait(timeout: .seconds(20)) { _ in recorder.names == expected })
        #expect(recorder.names == expected)
        #expect(recorder.batches.count < 20, "\(recorder.batches.count) batches")
    }

    @Test func linksAreReportedWhenCreated() async throws {
        let dir = TemporaryDirectory()
        let outside = TemporaryDirectory()
        outside.write("source.txt", "Title\n")
        let recorder = try WatchingRecorder(directory: dir.path)

        #expect(symlink(outside.file("source.txt"), dir.file("linked.txt")) == 0)
        #expect(link(outside.file("source.txt"), dir.file("hard.txt")) == 0)

        #expect(await recorder.wait { _ in recorder.names == ["linked.txt", "hard.txt"] })
    }

    @Test func aMissingDirectoryIsWaitedForAndRescannedWhenItAppears() async throws {
        let parent = TemporaryDirectory()
        let seeds = parent.file("seeds")
        let recorder = try WatchingRecorder(directory: seeds, missingDirectoryCheck: .milliseconds(100))
        try await Task.sleep(for: .milliseconds(450))
        #expect(recorder.batches.isEmpty)
        let waiting = recorder.log.messages.filter { $0.contains("does not exist yet") }
        #expect(waiting.count == 1, "one log line while waiting, not one per check: \(recorder.log.messages)")
        #expect(waiting.first?.contains(seeds) == true)

        try FileManager.default.createDirectory(atPath: seeds, withIntermediateDirectories: false)
        #expect(await recorder.wait { $0 == [WatchBatch(rescanNeeded: true)] })

        _ = FileManager.default.createFile(atPath: seeds + "/first.txt", contents: Data("Title\n".utf8))
        #expect(await recorder.wait { $0.last == WatchBatch(names: ["first.txt"]) })
    }

    @Test func aReplacedDirectoryIsRescannedAndTheNewOneWatched() async throws {
        let parent = TemporaryDirectory()
        let seeds = parent.file("seeds")
        try FileManager.default.createDirectory(atPath: seeds, withIntermediateDirectories: false)
        let recorder = try WatchingRecorder(directory: seeds, missingDirectoryCheck: .milliseconds(100))

        #expect(rename(seeds, parent.file("seeds.old")) == 0)
        try FileManager.default.createDirectory(atPath: seeds, withIntermediateDirectories: false)
        #expect(await recorder.wait { $0.contains { $0.rescanNeeded } })
        try await Task.sleep(for: .milliseconds(300))
        let settled = recorder.batches.count

        _ = FileManager.default.createFile(atPath: parent.file("seeds.old/old.txt"), contents: Data("Title\n".utf8))
        _ = FileManager.default.createFile(atPath: seeds + "/new.txt", contents: Data("Title\n".utf8))
        #expect(await recorder.wait { $0.count > settled })
        try await Task.sleep(for: .milliseconds(300))
        #expect(Array(recorder.batches.dropFirst(settled)) == [WatchBatch(names: ["new.txt"])])
    }

    @Test func subdirectoriesAreIgnored() async throws {
        let dir = TemporaryDirectory()
        let recorder = try WatchingRecorder(directory: dir.path)
        try FileManager.default.createDirectory(atPath: dir.file("archive"), withIntermediateDirectories: false)
        #expect(rename(dir.file("archive"), dir.file("archive2")) == 0)
        #expect(rmdir(dir.file("archive2")) == 0)
        dir.write("marker.txt", "Title\n")
        #expect(await recorder.wait { !$0.isEmpty })
        try await Task.sleep(for: .milliseconds(300))
        #expect(recorder.batches == [WatchBatch(names: ["marker.txt"])])
    }

    @Test func finishEndsTheStreamAndClosesTheDescriptor() async throws {
        let dir = TemporaryDirectory()
        let before = try inotifyDescriptorCount()
        let recorder = try WatchingRecorder(directory: dir.path)
        #expect(try inotifyDescriptorCount() == before + 1)
        await recorder.finish()
        dir.write("late.txt", "Title\n")
        try await Task.sleep(for: .milliseconds(300))
        #expect(recorder.batches.isEmpty)
        #expect(try inotifyDescriptorCount() == before, "the inotify descriptor is closed")
    }

    /// Open inotify descriptors of this process (`/proc/self/fd/N -> anon_inode:inotify`).
    private func inotifyDescriptorCount() throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0)) == "anon_inode:inotify"
        }.count
    }
}
