import Testing
@testable import FeedCore

/// The encoding a document's first bytes declare (XML 1.0 §4.3.3), read without a regular expression.
@Suite("Charset choice")
struct CharsetChoiceTests {
    @Test("the encoding pseudo-attribute of the XML declaration", arguments: [
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>", "iso-8859-1"),
        ("<?xml version='1.0' encoding = 'Windows-1252' ?><rss/>", "windows-1252"),
        ("\n  <?xml version=\"1.0\"\n encoding=\"koi8-r\" standalone=\"yes\"?><rss/>", "koi8-r"),
        ("<?xml version=\"1.0\" encoding=\"x\"?>", "x"),
        ("<?xml version=\"1.0\" encoding=\"utf-8'?>", "utf-8"),
    ])
    func declared(document: String, expected: String) {
        #expect(CharsetDecoder.choose(head: Array(document.utf8), httpCharset: nil).encoding == expected)
    }

    @Test("no declaration, or one that does not count", arguments: [
        "<rss version=\"2.0\"/>",
        "<?xml version=\"1.0\"?><rss encoding=\"koi8-r\"/>",
        "text<?xml version=\"1.0\" encoding=\"koi8-r\"?>",
        "<?xml version=\"1.0\" encoding=\"\"?>",
        "<?xml version=\"1.0\" encoding=koi8-r?>",
        "<?xml version=\"1.0\" encoding=\"koi8 r\"?>",
        "<?xml version=\"1.0\" encoding=\"koi8-r\"",
    ])
    func undeclared(document: String) {
        #expect(CharsetDecoder.choose(head: Array(document.utf8), httpCharset: nil).encoding == nil)
    }

    @Test("the HTTP charset wins over the declaration; a BOM is measured")
    func httpAndBOM() {
        let document = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>".utf8)
        #expect(CharsetDecoder.choose(head: document, httpCharset: "UTF-8").encoding == "utf-8")
        let choice = CharsetDecoder.choose(head: [0xEF, 0xBB, 0xBF] + document, httpCharset: nil)
        #expect(choice.encoding == "utf-8" && choice.bomLength == 3)
    }
}
