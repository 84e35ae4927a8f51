import FeedXML
import Testing

@Suite struct XMLCharactersTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("tab\tLF\nCR\r", "tab\tLF\nCR\r"),
        ("a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1F}g", "abcdefg"),
        ("\u{7F}\u{85}\u{D7FF}", "\u{7F}\u{85}\u{D7FF}"),
        ("x\u{FFFE}y\u{FFFF}z\u{FFFD}", "xyz\u{FFFD}"),
        ("\u{10000}\u{10FFFF}", "\u{10000}\u{10FFFF}"),
        ("", ""),
    ])
    func dropsOnlyWhatXML10Forbids(input: String, expected: String) {
        #expect(XMLCharacters.droppingInvalid(input) == expected)
    }
}
