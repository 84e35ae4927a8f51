import FeedXML
import Testing

/// `HTMLFragmentParser`: libxml2's HTML parser, seen through a Sendable tree.
@Suite struct HTMLFragmentParserTests {
    @Test func leadingTextIsNotWrappedInAParagraph() {
        #expect(HTMLFragmentParser.parse("hello <b>x</b>") == [
            .text("hello "), .element(name: "b", attributes: [], children: [.text("x")]),
        ])
    }

    @Test func namesAreLowercaseAndAttributesInSourceOrder() {
        let nodes = HTMLFragmentParser.parse(#"<A Title="t" HREF='u' data-x>y</A>"#)
        #expect(nodes == [
            .element(
                name: "a",
                attributes: [
                    HTMLAttribute(name: "title", value: "t"), HTMLAttribute(name: "href", value: "u"),
                    HTMLAttribute(name: "data-x", value: ""),
                ],
                children: [.text("y")]),
        ])
    }

    @Test func entitiesAreDecodedInTextAndAttributes() {
        #expect(HTMLFragmentParser.parse(#"<i title="&eacute;&amp;">&lt;&nbsp;&#x41;</i>"#) == [
            .element(name: "i", attributes: [HTMLAttribute(name: "title", value: "é&")], children: [.text("<\u{A0}A")]),
        ])
    }

    @Test func commentsAndProcessingInstructionsAreDroppedAndTextMerged() {
        #expect(HTMLFragmentParser.parse("a<!-- c -->b<?pi x?>c") == [.text("abc")])
    }

    @Test func scriptContentArrivesAsText() {
        #expect(HTMLFragmentParser.parse("<script>if (a < b) x()</script>") == [
            .element(name: "script", attributes: [], children: [.text("if (a < b) x()")]),
        ])
    }

    @Test func documentWrappersAreUnwrapped() {
        #expect(HTMLFragmentParser.parse("<html><body><p>x</p></body></html>") == [
            .element(name: "p", attributes: [], children: [.text("x")]),
        ])
    }

    @Test func contentAfterHTML5VoidElementsIsNotNestedInThem() {
        let nodes = HTMLFragmentParser.parse("<video><source src=a><source src=b>t</video>")
        #expect(nodes == [
            .element(name: "video", attributes: [], children: [
                .element(name: "source", attributes: [HTMLAttribute(name: "src", value: "a")], children: []),
                .element(name: "source", attributes: [HTMLAttribute(name: "src", value: "b")], children: []),
                .text("t"),
            ]),
        ])
    }

    @Test func metaCharsetDoesNotChangeTheEncoding() {
        #expect(HTMLFragmentParser.parse(#"<meta charset="iso-8859-1">é"#).last == .text("é"))
    }

    @Test(arguments: [
        ("ul", "p", true), ("p", "p", true), ("li", "li", true), ("div", "p", true), ("tr", "td", true),
        ("b", "p", false), ("li", "ul", false), ("p", "div", false), ("span", "li", false), ("x<y", "p", false),
    ])
    func startTagClosing(_ new: String, _ open: String, _ closes: Bool) {
        #expect(HTMLFragmentParser.startTag(new, closes: open) == closes)
    }
}
