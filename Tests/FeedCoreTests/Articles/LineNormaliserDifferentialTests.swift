@testable import FeedCore
import Testing

/// `LineNormaliser`'s eight-byte fast path against the byte-by-byte loop it sits in front of (kept in
/// Reference/ as the oracle): the same output, byte for byte, on lines built from the cases that matter.
@Suite struct LineNormaliserDifferentialTests {
    /// Pieces a line is built from: plain text, every kind of space and invisible character the
    /// normaliser knows, non-ASCII letters, `XNUMX` tokens, and sequences cut short or malformed.
    static let pieces: [[UInt8]] = [
        Array("Le".utf8), Array("marché".utf8), Array("couvert".utf8), Array("rénové".utf8), Array("2019".utf8),
        Array("300,000".utf8), Array("(a)".utf8), Array("word".utf8), Array("longerwordsgoon".utf8), Array("x".utf8),
        Array("X".utf8), Array("XNUMX".utf8), Array("XNUMXth".utf8), Array("XNUM".utf8), Array("—".utf8),
        [0x20], [0x20, 0x20], [0x20, 0x20, 0x20], [0x09], [0x0B], [0x0C], [0x7F], [0x01], [0x1F],
        [0xC2, 0xA0], [0xC2, 0x85], [0xE2, 0x80, 0x83], [0xE2, 0x80, 0x8B], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xAF],
        [0xE2, 0x81, 0x9F], [0xE2, 0x81, 0xA0], [0xE3, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0xF0, 0x9F, 0x98, 0x80],
        [0xC3, 0xA9], [0x80], [0xC2], [0xE2, 0x80], [0xEF, 0xBB],
    ]

    static func both(_ line: [UInt8]) -> ([UInt8]?, [UInt8]?) {
        line.withUnsafeBufferPointer { (LineNormaliser.normalise($0), ReferenceLineNormaliser.normalise($0)) }
    }

    @Test func generatedLinesNormaliseAsTheByteLoopDoes() {
        var random = SplitMix(seed: 0x11AE)
        var mismatches: [[UInt8]] = []
        for _ in 0..<20_000 {
            var line: [UInt8] = []
            // Mostly prose-like (words and single spaces), so the fast path runs, with odd pieces mixed in.
            for _ in 0..<random.next(below: 40) {
                if random.next(below: 3) == 0 {
                    line += Self.pieces[random.next(below: Self.pieces.count)]
                } else {
                    line += Self.pieces[random.next(below: 15)] + [0x20]
                }
            }
            let (fast, reference) = Self.both(line)
            if fast != reference { mismatches.append(line) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
    }

    @Test func everyAlignmentOfEdgesAndSpaceRuns() {
        // A space run, a token or an invisible character at every offset of a plain 24-byte line.
        let plain = Array("abcdefgh ijklmnop qrstuvw".utf8)
        for insert in [[0x20], [0x20, 0x20], [0x09], [0xC2, 0xA0], [0xE2, 0x80, 0x8B], Array("XNUMX".utf8), [0x7F]] as [[UInt8]] {
            for offset in 0...plain.count {
                var line = plain
                line.insert(contentsOf: insert, at: offset)
                for trimmed in [line, [0x20] + line, line + [0x20], [0x20, 0x20] + line + [0x20, 0x20]] {
                    let (fast, reference) = Self.both(trimmed)
                    #expect(fast == reference, "\(trimmed)")
                }
            }
        }
    }

    @Test func thePlainChunkTestIsExactPerByte() {
        // Every byte value at every position of an otherwise plain chunk: accepted exactly when the
        // byte-by-byte loop would copy the eight bytes unchanged.
        for position in 0..<8 {
            for value in 0...255 {
                var bytes = Array("abcdefgh".utf8)
                bytes[position] = UInt8(value)
                let plain = (0x21...0x7E).contains(value) || (value == 0x20 && position != 0 && position != 7)
                let accepted = bytes.withUnsafeBufferPointer { LineNormaliser.plainChunk($0, at: 0) != nil }
                #expect(accepted == plain, "byte \(value) at \(position)")
            }
        }
        let doubled = Array("abc  fgh".utf8)
        #expect(doubled.withUnsafeBufferPointer { LineNormaliser.plainChunk($0, at: 0) } == nil)
    }
}
