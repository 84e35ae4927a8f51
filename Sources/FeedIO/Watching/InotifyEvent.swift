/// One event read from an inotify descriptor (`inotify(7)`): `struct inotify_event` and the name after it.
struct InotifyEvent: Sendable, Equatable {
    var watch: Int32
    var mask: UInt32
    var cookie: UInt32
    /// The entry's name inside the watched directory; empty for events about the directory itself.
    var name: String

    /// `wd`, `mask`, `cookie`, `len`: four 32-bit fields before the name.
    static let headerSize = 16

    /// The events in `bytes` as `read(2)` returned them (the name is `len` bytes, NUL-padded); a truncated
    /// trailing record is dropped (the kernel never returns one).
    static func parse(_ bytes: UnsafeRawBufferPointer) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = 0
        while offset + headerSize <= bytes.count {
            let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let cookie = bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            guard nameStart + length <= bytes.count else { break }
            let nameBytes = UnsafeRawBufferPointer(rebasing: bytes[nameStart..<(nameStart + length)])
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            events.append(InotifyEvent(watch: watch, mask: mask, cookie: cookie, name: name))
            offset = nameStart + length
        }
        return events
    }
}

/// The `inotify(7)` mask bits feedd uses (values from `<sys/inotify.h>`, stable kernel ABI).
enum InotifyMask {
    static let attrib: UInt32 = 0x0000_0004
    static let closeWrite: UInt32 = 0x0000_0008
    static let movedFrom: UInt32 = 0x0000_0040
    static let movedTo: UInt32 = 0x0000_0080
    static let create: UInt32 = 0x0000_0100
    static let delete: UInt32 = 0x0000_0200
    static let deleteSelf: UInt32 = 0x0000_0400
    static let moveSelf: UInt32 = 0x0000_0800
    static let unmount: UInt32 = 0x0000_2000
    static let queueOverflow: UInt32 = 0x0000_4000
    static let ignored: UInt32 = 0x0000_8000
    static let onlyDirectory: UInt32 = 0x0100_0000
    static let excludeUnlinked: UInt32 = 0x0400_0000
    static let isDirectory: UInt32 = 0x4000_0000

    /// What the seeds watch asks for.
    ///
    /// Only a finished file counts: close-after-write or a rename into the directory, never a write in
    /// progress (`IN_MODIFY`). `IN_CREATE` is asked for only to catch symbolic and hard links, which are
    /// complete when created. `IN_ATTRIB` is left out: `touch` or `chmod` on a file being written would
    /// have it read half-way; a permissions fix is picked up by the periodic rescan.
    static let seedsWatch: UInt32 = closeWrite | movedTo | movedFrom | create | delete | deleteSelf | moveSelf
        | onlyDirectory | excludeUnlinked
}
