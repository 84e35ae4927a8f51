import FeedDaemon
import Testing

@Suite struct LineTextTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("a\nFORGED", "a\\nFORGED"),
        ("\u{1B}[31mred\r", "\\u{1B}[31mred\\r"),
        ("tab\there", "tab\\there"),
        ("c1 \u{9B}31m", "c1 \\u{9B}31m"),
        ("bidi \u{202E}txt.exe", "bidi \\u{202E}txt.exe"),
        ("été ok", "été ok"),
    ])
    func controlsAreSpelledOut(raw: String, expected: String) {
        #expect(LineText.escaped(raw) == expected)
    }
}
