import FeedCore
import Testing

@Suite struct StableFingerprintTests {
    struct Sample: Encodable {
        var name = "feedd"
        var count = 3
        var ratio = 0.5
        var enabled = true
        var note: String? = nil
        var tags = ["a", "b"]
        var nested = Nested()
    }

    struct Nested: Encodable {
        var small: UInt8 = 7
        var wide: Int64 = -1
        var level: Float = 1.5
    }

    static func hex(_ values: any Encodable...) -> String {
        var fingerprint = StableFingerprint()
        for value in values { fingerprint.add(value) }
        return fingerprint.hex
    }

    @Test func theSameValueGivesTheSameDigitsInEveryProcess() {
        // Hasher is seeded per process; this must not be, or every run would re-render the outputs.
        #expect(Self.hex(Sample()) == Self.hex(Sample()))
        // Worked out apart from this code, by FNV-1a over the item stream `FingerprintSink.add` documents
        // (tag, depth, length, text): `{` `name` "feedd" `count` 3 … `nested` `{` `small` 7 `wide` -1 `level`.
        #expect(Self.hex(Sample()) == "8d1a6baf3b90ff95")
    }

    @Test func everyPropertyCounts() {
        let base = Self.hex(Sample())
        var variants: [Sample] = []
        for index in 0..<9 {
            var sample = Sample()
            switch index {
            case 0: sample.name = "feede"
            case 1: sample.count = 4
            case 2: sample.ratio = 0.25
            case 3: sample.enabled = false
            case 4: sample.note = ""
            case 5: sample.tags = ["b", "a"]
            case 6: sample.nested.small = 8
            case 7: sample.nested.wide = 1
            default: sample.nested.level = 1.25
            }
            variants.append(sample)
        }
        for variant in variants { #expect(Self.hex(variant) != base, "\(variant)") }
        #expect(Set(variants.map { Self.hex($0) }).count == variants.count)
    }

    @Test func boundariesBetweenValuesAndLevelsAreKept() {
        #expect(Self.hex(["ab", "c"]) != Self.hex(["a", "bc"]))
        #expect(Self.hex([[1], [2]]) != Self.hex([[1, 2]]))
        #expect(Self.hex([[1], [2]]) != Self.hex([[1], [], [2]]))
        #expect(Self.hex("1") != Self.hex(1))
        #expect(Self.hex(1, 2) != Self.hex([1, 2]))
        #expect(Self.hex([String?.none]) != Self.hex([""]))
    }

    @Test func aFeedDescriptionFollowsEachOfItsSettings() {
        let base = FeedDescription(id: "tag:x,2026:feed", title: "T", author: Author(name: "A"))
        var changed: [FeedDescription] = []
        for index in 0..<7 {
            var description = base
            switch index {
            case 0: description.title = "U"
            case 1: description.subtitle = ""
            case 2: description.author.email = "a@example.org"
            case 3: description.baseURL = "https://example.org/"
            case 4: description.language = "fr"
            case 5: description.generator.uri = "https://example.org/feedd"
            default: description.files.json = "feed.json.txt"
            }
            changed.append(description)
        }
        let digits = Self.hex(base)
        for description in changed { #expect(Self.hex(description) != digits, "\(description)") }
    }
}
