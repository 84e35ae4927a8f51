@testable import FeedCore
import Testing

/// The byte-level helpers of the one-walk sanitiser against the scalar-by-scalar rules they replace.
@Suite struct ByteLevelTextTests {
    /// Pieces random inputs are made of: ASCII runs longer than a SIMD block, escapes, controls, every
    /// kind of whitespace, U+FFFE/U+FFFF, and byte sequences that are not UTF-8.
    static let pieces: [[UInt8]] = [
        Array("plain ascii text long enough to fill a block".utf8), Array("&<>\"'".utf8), [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F],
        Array(" \t\n".utf8), Array("é日本🙂".utf8), Array("\u{A0}\u{85}\u{1680}\u{2003}\u{2028}\u{202F}\u{205F}\u{3000}".utf8),
        Array("\u{FFFE}\u{FFFF}\u{FFFD}\u{EFFF}".utf8), [0xEF, 0xBF], [0xEF], [0xC3], [0x80], [0xED, 0xA0, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x80, 0x80], Array("x".utf8),
    ]

    static func randomInputs(seed: UInt64, validOnly: Bool) -> [[UInt8]] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<2000).map { _ in
            var bytes: [UInt8] = []
            for _ in 0..<next(12) {
                let piece = pieces[next(pieces.count)]
                if validOnly, String(validating: piece, as: UTF8.self) == nil { continue }
                bytes += piece
            }
            return bytes
        }
    }

    @Test func collapsingBytesMatchesCollapsingScalars() {
        for input in Self.randomInputs(seed: 7, validOnly: false) {
            let expected = HTMLPlainText.collapsingWhitespace(String(decoding: input, as: UTF8.self))
            #expect(HTMLPlainText.collapsingWhitespace(input) == expected, "\(input)")
        }
    }

    @Test(arguments: [false, true])
    func escaperMatchesByteByByteEscaping(quote: Bool) {
        for input in Self.randomInputs(seed: 11, validOnly: true) {
            var output: [UInt8] = []
            input.withUnsafeBufferPointer { HTMLEscaper.append($0, quote: quote, to: &output) }
            #expect(output == Self.escapedByteByByte(input, quote: quote), "\(input)")
        }
    }

    @Test func utf8DecodingMatchesTheStandardLibrary() {
        for input in Self.randomInputs(seed: 13, validOnly: false) where !input.isEmpty {
            input.withUnsafeBufferPointer { bytes in
                var decoder = UTF8()
                var iterator = bytes.makeIterator()
                let expected: (UInt32, Int)? = switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): (scalar.value, UTF8.width(scalar))
                default: nil
                }
                let decoded = UTF8Scalar.decode(bytes, at: 0)
                #expect(decoded?.value == expected?.0 && decoded?.length == expected?.1, "\(input)")
            }
        }
    }

    /// The escaping rule, one byte at a time.
    static func escapedByteByByte(_ bytes: [UInt8], quote: Bool) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"): output += Array("&amp;".utf8)
            case UInt8(ascii: "<"): output += Array("&lt;".utf8)
            case UInt8(ascii: ">"): output += Array("&gt;".utf8)
            case UInt8(ascii: "\""): output += quote ? Array("&quot;".utf8) : [byte]
            case 0x09, 0x0A, 0x0D: output.append(byte)
            case 0x00..<0x20: break
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                index += 2
            default: output.append(byte)
            }
            index += 1
        }
        return output
    }
}
