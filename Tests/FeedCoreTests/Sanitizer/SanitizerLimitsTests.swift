import FeedCore
import FeedXML
import Testing

/// Untrusted input must not crash or blow up: deep nesting, huge input, empty input.
@Suite struct SanitizerLimitsTests {
    let sanitizer = HTMLSanitizer()

    /// The depth of the deepest element in `nodes`, measured without recursion.
    static func depth(of nodes: [HTMLNode]) -> Int {
        var deepest = 0
        var pending = nodes.map { ($0, 1) }
        while let (node, depth) = pending.popLast() {
            guard case .element(_, _, let children) = node else { continue }
            deepest = max(deepest, depth)
            pending.append(contentsOf: children.map { ($0, depth + 1) })
        }
        return deepest
    }

    /// The deepest element nesting written in `html` (output of the sanitiser: every non-void element
    /// has an end tag, and `<` only opens tags).
    static func writtenDepth(of html: String) -> Int {
        var depth = 0
        var deepest = 0
        for tag in html.split(separator: "<").dropFirst() {
            if tag.hasPrefix("/") {
                depth -= 1
            } else {
                let name = String(tag.prefix { $0.isLetter || $0.isNumber })
                if !HTMLNode.voidElements.contains(name) { depth += 1 }
                deepest = max(deepest, depth)
            }
        }
        return deepest
    }

    @Test(arguments: ["div", "b", "span", "blockquote", "unknown"])
    func tenThousandDeepNestingIsFlattened(tag: String) {
        let input = String(repeating: "<\(tag)>", count: 10_000) + "deep text" + String(repeating: "</\(tag)>", count: 10_000) + "after"
        let output = sanitizer.sanitize(input, baseURL: nil)
        #expect(output.contains("deep text"))
        #expect(output.hasSuffix("after"))
        let depth = Self.writtenDepth(of: output)
        #expect(depth <= HTMLFragmentParser.defaultMaxDepth)
        #expect(depth >= HTMLFragmentParser.defaultMaxDepth - 1 || tag == "unknown")
        #expect(sanitizer.sanitize(output, baseURL: nil) == output)
    }

    @Test func parserKeepsTextBeyondMaxDepth() {
        let input = String(repeating: "<i>", count: 10) + "x" + String(repeating: "</i>", count: 10) + "y"
        let nodes = HTMLFragmentParser.parse(input, maxDepth: 3)
        #expect(Self.depth(of: nodes) == 3)
        #expect(nodes.count == 2)
        #expect(nodes.last == .text("y"))
        #expect(Self.depth(of: HTMLFragmentParser.parse(input, maxDepth: 100_000)) == 10)
        #expect(HTMLFragmentParser.parse("<i><i><i><i>x</i></i></i></i>", maxDepth: 3)
            == [.element(name: "i", attributes: [], children: [
                .element(name: "i", attributes: [], children: [
                    .element(name: "i", attributes: [], children: [.text("x")]),
                ]),
            ])])
    }

    @Test func hundredThousandUnclosedTagsDoNotCrash() {
        let input = String(repeating: "<p><span><a href=x>", count: 100_000)
        let output = sanitizer.sanitize(input, baseURL: "https://example.org/")
        #expect(output.hasPrefix("<p><span><a href=\"https://example.org/x\" rel=\"noopener noreferrer\">"))
    }

    @Test(arguments: ["", " ", "\n\t ", "<!-- only a comment -->", "<script>x</script>", "</p>"])
    func emptyOutputs(input: String) {
        #expect(sanitizer.sanitize(input, baseURL: "https://example.org/") == "")
        #expect(sanitizer.plainText(input) == "")
    }

    @Test func inputOverTheCapIsTruncated() {
        let policy = SanitizerPolicy(allowedIframeHosts: [], allowDataImages: true, maxInputBytes: 20)
        let limited = HTMLSanitizer(policy: policy)
        // The first 20 bytes are `<p>0123456789</p><p>`: the second paragraph is cut to nothing.
        #expect(limited.sanitize("<p>0123456789</p><p>abcdefghij</p>", baseURL: nil) == "<p>0123456789</p><p></p>")
        // A cut inside a two-byte character backs off to the character before it.
        #expect(limited.sanitize(String(repeating: "é", count: 30), baseURL: nil) == String(repeating: "é", count: 10))
        #expect(limited.plainText("abc " + String(repeating: "z", count: 40)) == "abc " + String(repeating: "z", count: 16))
    }

    @Test func defaultCapIsTwoMebibytes() {
        #expect(SanitizerPolicy().maxInputBytes == 2 * 1024 * 1024)
        let paragraph = "<p>" + String(repeating: "a", count: 1000) + "</p>"
        let input = String(repeating: paragraph, count: 3 * 1024)  // about 3 MiB
        let output = sanitizer.sanitize(input, baseURL: nil)
        // The cut leaves the last paragraph open: its end tag is the only thing written beyond the cap.
        #expect(output.utf8.count <= SanitizerPolicy.defaultMaxInputBytes + "</p>".utf8.count)
        #expect(output.utf8.count > SanitizerPolicy.defaultMaxInputBytes - 2 * paragraph.utf8.count)
        #expect(output.hasSuffix("</p>"))
    }

    @Test func nulCharactersAreRemoved() {
        #expect(sanitizer.sanitize("<p>a\u{0}b</p>c", baseURL: nil) == "<p>ab</p>c")
    }
}
