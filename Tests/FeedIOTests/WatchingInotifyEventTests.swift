@testable import FeedIO
import Testing

/// `struct inotify_event` records laid out by hand, as the kernel writes them.
@Suite struct WatchingInotifyEventTests {
    private func record(watch: Int32, mask: UInt32, cookie: UInt32, name: String, padTo length: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        withUnsafeBytes(of: watch.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: mask.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: cookie.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: UInt32(length).littleEndian) { bytes += $0 }
        bytes += Array(name.utf8) + [UInt8](repeating: 0, count: length - name.utf8.count)
        return bytes
    }

    @Test func recordsWithPaddedNamesAndDirectoryEvents() {
        let bytes = [0] + record(watch: 1, mask: 0x8, cookie: 0, name: "a.txt", padTo: 16)
            + record(watch: 1, mask: 0x400, cookie: 0, name: "", padTo: 0)
            + record(watch: 1, mask: 0x80, cookie: 77, name: "résumé.md", padTo: 32)
            + record(watch: 1, mask: 0x8, cookie: 0, name: "cut", padTo: 16).prefix(20)
        // Parsed from an odd offset: the loads must not assume alignment.
        let events = bytes.withUnsafeBytes { InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: $0.dropFirst())) }
        #expect(events == [
            InotifyEvent(watch: 1, mask: 0x8, cookie: 0, name: "a.txt"),
            InotifyEvent(watch: 1, mask: 0x400, cookie: 0, name: ""),
            InotifyEvent(watch: 1, mask: 0x80, cookie: 77, name: "résumé.md"),
        ])
    }
}

/// The meaning of each kind of event, without a kernel.
@Suite struct WatchingEventActionTests {
    private static let closeWrite: UInt32 = 0x8, movedFrom: UInt32 = 0x40, movedTo: UInt32 = 0x80
    private static let create: UInt32 = 0x100, delete: UInt32 = 0x200, deleteSelf: UInt32 = 0x400
    private static let moveSelf: UInt32 = 0x800, overflow: UInt32 = 0x4000, ignored: UInt32 = 0x8000
    private static let isDirectory: UInt32 = 0x4000_0000, modify: UInt32 = 0x2

    @Test(arguments: [
        (InotifyEvent(watch: 3, mask: closeWrite, cookie: 0, name: "a.txt"), WatchEventAction.changed("a.txt")),
        (InotifyEvent(watch: 3, mask: movedTo, cookie: 9, name: "a.md"), .changed("a.md")),
        (InotifyEvent(watch: 3, mask: movedFrom, cookie: 9, name: "a.md"), .changed("a.md")),
        (InotifyEvent(watch: 3, mask: delete, cookie: 0, name: "README"), .changed("README")),
        (InotifyEvent(watch: 3, mask: create, cookie: 0, name: "link.txt"), .createdLink("link.txt")),
        (InotifyEvent(watch: 3, mask: modify, cookie: 0, name: "a.txt"), .ignore),
        (InotifyEvent(watch: 3, mask: closeWrite, cookie: 0, name: ".a.txt"), .ignore),
        (InotifyEvent(watch: 3, mask: closeWrite, cookie: 0, name: "a.txt.tmp"), .ignore),
        (InotifyEvent(watch: 3, mask: movedTo, cookie: 0, name: "a.part"), .ignore),
        (InotifyEvent(watch: 3, mask: closeWrite, cookie: 0, name: "a.txt~"), .ignore),
        (InotifyEvent(watch: 3, mask: closeWrite, cookie: 0, name: "photo.jpg"), .ignore),
        (InotifyEvent(watch: 3, mask: create | isDirectory, cookie: 0, name: "sub"), .ignore),
        (InotifyEvent(watch: 3, mask: delete | isDirectory, cookie: 0, name: "sub"), .ignore),
        (InotifyEvent(watch: 2, mask: closeWrite, cookie: 0, name: "stale.txt"), .ignore),
        (InotifyEvent(watch: -1, mask: overflow, cookie: 0, name: ""), .overflow),
        (InotifyEvent(watch: 3, mask: deleteSelf, cookie: 0, name: ""), .directoryLost),
        (InotifyEvent(watch: 3, mask: moveSelf, cookie: 0, name: ""), .directoryLost),
        (InotifyEvent(watch: 3, mask: ignored, cookie: 0, name: ""), .directoryLost),
        (InotifyEvent(watch: 2, mask: ignored, cookie: 0, name: ""), .ignore),
    ])
    func eventMeaning(event: InotifyEvent, action: WatchEventAction) {
        #expect(WatchEventAction.of(event, watch: 3) == action)
    }

    @Test func withoutAWatchOnlyOverflowCounts() {
        #expect(WatchEventAction.of(InotifyEvent(watch: 3, mask: 0x8, cookie: 0, name: "a.txt"), watch: nil) == .ignore)
        #expect(WatchEventAction.of(InotifyEvent(watch: -1, mask: 0x4000, cookie: 0, name: ""), watch: nil) == .overflow)
    }
}
