import FeedXML
import Foundation
import Testing

/// Records SAX events as text lines.
final class EventRecorder: SAXHandler {
    var events: [String] = []
    private var text: [UInt8] = []

    func startElement(_ name: SAXName, attributes: [SAXAttribute], declaredNamespaces: [String]) {
        flush()
        let attributeText = attributes.map { "\($0.name.localName)=\($0.value)" }.joined(separator: ",")
        events.append("start {\(name.namespaceURI ?? "")}\(name.localName) [\(attributeText)]")
    }

    func endElement(_ name: SAXName) {
        flush()
        events.append("end \(name.localName)")
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        self.text.append(contentsOf: text)
    }

    private func flush() {
        if !text.isEmpty { events.append("text " + String(decoding: text, as: UTF8.self)) }
        text.removeAll()
    }
}

@Suite("SAXPushParser")
struct SAXPushParserTests {
    static let document = #"<?xml version="1.0"?><r xmlns="urn:a" xmlns:b="urn:b"><b:x k="1&amp;2">caf&eacute; &amp; <![CDATA[<raw>]]></b:x>"#
        + #"<y>&#233;&#x263A;</y></r>"#

    @Test("events do not depend on chunk boundaries", arguments: [1, 2, 7, 64, 1 << 16])
    func chunking(size: Int) {
        let reference = EventRecorder()
        #expect(SAXPushParser.parse(utf8: Array(Self.document.utf8)[...], handler: reference).firstError == nil)
        let chunked = EventRecorder()
        _ = SAXPushParser.parse(utf8: Array(Self.document.utf8)[...], handler: chunked, chunkSize: size)
        #expect(chunked.events == reference.events)
        #expect(reference.events == [
            "start {urn:a}r []", "start {urn:b}x [k=1&2]", "text café & <raw>", "end x", "start {urn:a}y []", "text é☺", "end y", "end r",
        ])
    }

    @Test("the first error is reported with its line")
    func firstError() throws {
        let recorder = EventRecorder()
        let error = try #require(SAXPushParser.parse(utf8: Array("<a>\n<b></c></a>".utf8)[...], handler: recorder).firstError)
        #expect(error.line == 2)
        #expect(error.message.contains("mismatch"))
    }

    @Test("entities declared in the DTD are never expanded, even without the repair pass")
    func dtdEntitiesIgnored() {
        var declarations = #"<!ENTITY l0 "ha"><!ENTITY xxe SYSTEM "file:///etc/passwd">"#
        for level in 1...10 {
            declarations += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        let recorder = EventRecorder()
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = SAXPushParser.parse(utf8: Array("<!DOCTYPE r [\(declarations)]><r>a&l10;b&xxe;c&nbsp;d</r>".utf8)[...], handler: recorder)
        }
        #expect(elapsed < .seconds(1))
        #expect(recorder.events == ["start {}r []", "text abc\u{A0}d", "end r"])
    }
}
