/// The regular files of one directory as one scan found them: names packed in one byte buffer, with size and
/// mtime, in the order the directory listed them.
///
/// A warm pass over a large seeds directory only needs `digest`, so names stay bytes until `files` asks for
/// them: no String per file.
public struct DirectoryListing: Sendable {
    /// Every name's bytes, each followed by a NUL (so a name can go to `fstatat` as it is).
    var nameBytes: [UInt8] = []
    /// Where each name starts in `nameBytes`.
    var nameStarts: [Int] = []
    var sizes: [Int64] = []
    var modifiedNanoseconds: [Int64] = []
    /// The two sums behind `digest`, kept up to date as files are added (so the stat workers share the hashing).
    var sums: (UInt64, UInt64) = (0, 0)

    init() {}

    /// How many files the scan found.
    public var count: Int { nameStarts.count }

    mutating func reserve(files: Int, nameBytes bytes: Int) {
        nameBytes.reserveCapacity(bytes)
        nameStarts.reserveCapacity(files)
        sizes.reserveCapacity(files)
        modifiedNanoseconds.reserveCapacity(files)
    }

    /// Adds one file whose name is `name` (without a NUL).
    mutating func append(name: UnsafeBufferPointer<UInt8>, size: Int64, modifiedNanoseconds mtime: Int64) {
        nameStarts.append(nameBytes.count)
        nameBytes.append(contentsOf: name)
        nameBytes.append(0)
        sizes.append(size)
        modifiedNanoseconds.append(mtime)
        let hash = Self.hash(name: name, size: size, modifiedNanoseconds: mtime)
        sums.0 &+= Self.mix(hash, 0x9E37_79B9_7F4A_7C15)
        sums.1 &+= Self.mix(hash, 0xD1B5_4A32_D192_ED03)
    }

    /// Adds every file of `other` after the ones already here.
    mutating func append(contentsOf other: DirectoryListing) {
        let offset = nameBytes.count
        nameBytes.append(contentsOf: other.nameBytes)
        nameStarts.append(contentsOf: other.nameStarts.lazy.map { $0 + offset })
        sizes.append(contentsOf: other.sizes)
        modifiedNanoseconds.append(contentsOf: other.modifiedNanoseconds)
        sums.0 &+= other.sums.0
        sums.1 &+= other.sums.1
    }

    /// The name of file `index`, as bytes without the NUL.
    func nameRange(_ index: Int) -> Range<Int> {
        let end = index + 1 < nameStarts.count ? nameStarts[index + 1] - 1 : nameBytes.count - 1
        return nameStarts[index]..<end
    }

    /// The files sorted by the bytes of their names (SQLite's BINARY order, so they merge with the store's
    /// rows in one pass).
    public var files: [ScannedFile] {
        let unsorted = nameStarts.indices.map { index in
            let bytes = nameBytes[nameRange(index)]
            let name = String(validating: bytes, as: UTF8.self)
            return ScannedFile(
                name: name ?? Self.escapedName(bytes), rawName: name == nil ? Array(bytes) : nil,
                size: sizes[index], modifiedNanoseconds: modifiedNanoseconds[index]
            )
        }
        return DirectoryScanner.sortedByName(unsorted)
    }

    /// A name that is not UTF-8, with `\xNN` for each byte that does not decode (a Latin-1 `café.txt` is
    /// `caf\xE9.txt`): readable in logs and unique for a given byte string.
    static func escapedName(_ bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        var output = ""
        var index = 0
        while index < bytes.count {
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes[index...].makeIterator()
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                output.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                index += encoded.count
            case let .error(length):
                for byte in bytes[index..<index + length] {
                    output += "\\x" + String(byte, radix: 16, uppercase: true)
                }
                index += length
            case .emptyInput:
                index = bytes.count
            }
        }
        return output
    }

    /// A fingerprint of the set of (name, size, mtime): equal digests mean the same files, unchanged as far
    /// as size and mtime tell, whatever order the directory listed them in.
    ///
    /// Each file is hashed on its own and the hashes are summed, twice with different finalisers, into 128
    /// bits; a change that keeps the digest is a 2^-64 coincidence, not something a listing order can cause.
    public var digest: String { "\(count):\(Self.hex(sums.0))\(Self.hex(sums.1))" }

    /// One file's hash: the name eight bytes at a time, its length, size and mtime, each folded in through
    /// `mix` (a bijection, so no two inputs are likelier to meet than chance has it).
    static func hash(name: UnsafeBufferPointer<UInt8>, size: Int64, modifiedNanoseconds: Int64) -> UInt64 {
        var hash = mix(UInt64(name.count), 0x243F_6A88_85A3_08D3)
        let raw = UnsafeRawBufferPointer(name)
        var offset = 0
        while offset + 8 <= raw.count {
            hash = mix(hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)), 0)
            offset += 8
        }
        if offset < raw.count {
            var tail: UInt64 = 0
            for index in offset..<raw.count { tail |= UInt64(raw[index]) << (8 * UInt64(index - offset)) }
            hash = mix(hash ^ tail, 0)
        }
        hash = mix(hash ^ UInt64(bitPattern: size), 0x1319_8A2E_0370_7344)
        return mix(hash ^ UInt64(bitPattern: modifiedNanoseconds), 0xA409_3822_299F_31D0)
    }

    /// SplitMix64's finaliser after adding `seed`: every input bit reaches every output bit.
    static func mix(_ value: UInt64, _ seed: UInt64) -> UInt64 {
        var z = value &+ seed
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
