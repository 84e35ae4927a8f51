import FeedXML
import Testing

@Suite struct XMLWriterTests {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func writesAnIndentedDocumentWithNamespacesAndEscaping() {
        let xml = XMLWriter()
        xml.startDocument()
        xml.startElement("feed", namespaceURI: "urn:example:a")
        xml.declareNamespace(prefix: "x", uri: "urn:example:x")
        xml.attribute("xml:lang", "fr")
        xml.element("title", text: #"Fish & "chips" <cheap>"#, attributes: ["type": "text"])
        xml.startElement("link")
        xml.attribute("href", "http://example.org/?a=1&b=\"2\"")
        xml.endElement()
        xml.element("x:note", text: "ok")
        xml.startElement("empty")
        xml.endElement()
        xml.endElement()
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns:x="urn:example:x" xml:lang="fr" xmlns="urn:example:a">
              <title type="text">Fish &amp; &quot;chips&quot; &lt;cheap&gt;</title>
              <link href="http://example.org/?a=1&amp;b=&quot;2&quot;"/>
              <x:note>ok</x:note>
              <empty/>
            </feed>

            """
        #expect(text(xml.finish()) == expected)
    }

    @Test func writesAProcessingInstructionBeforeTheRoot() {
        let xml = XMLWriter()
        xml.startDocument()
        xml.processingInstruction("xml-stylesheet", #"type="text/xsl" href="feed.xsl""#)
        xml.element("feed", text: "x")
        #expect(text(xml.finish()) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <?xml-stylesheet type="text/xsl" href="feed.xsl"?>
            <feed>x</feed>

            """)
    }

    @Test func declaresNamespacesInTheOrderWritten() {
        let xml = XMLWriter(indent: false)
        xml.startElement("feed")
        xml.declareNamespace(prefix: nil, uri: "urn:example:a")
        xml.declareNamespace(prefix: "dc", uri: "urn:example:dc")
        xml.element("dc:date", text: "d")
        #expect(text(xml.finish()) == #"<feed xmlns="urn:example:a" xmlns:dc="urn:example:dc"><dc:date>d</dc:date></feed>"# + "\n")
    }

    @Test func closesOpenElementsOnFinish() {
        let xml = XMLWriter(indent: false)
        xml.startElement("a")
        xml.startElement("b")
        xml.text("t")
        #expect(text(xml.finish()) == "<a><b>t</b></a>\n")
    }

    @Test func writesNonASCIITextAsUTF8() {
        let xml = XMLWriter(indent: false)
        xml.startDocument()
        xml.element("t", text: "Été – 日本 🙂")
        #expect(text(xml.finish()) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<t>Été – 日本 🙂</t>\n")
    }

    @Test func dropsCharactersXMLForbidsFromTextAndAttributes() {
        let xml = XMLWriter(indent: false)
        xml.startElement("t")
        xml.attribute("a", "x\u{1}y\u{FFFF}")
        xml.text("bell\u{7}\u{0}end\u{FFFE}\ttab")
        #expect(text(xml.finish()) == "<t a=\"xy\">bellend\ttab</t>\n")
    }

    @Test func sameCallsGiveSameBytes() {
        func write() -> [UInt8] {
            let xml = XMLWriter()
            xml.startDocument()
            xml.startElement("r")
            for n in 0..<50 { xml.element("n", text: String(n)) }
            return xml.finish()
        }
        #expect(write() == write())
    }
}
