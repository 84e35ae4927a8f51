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
