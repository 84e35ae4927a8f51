@testable import FeedCore
import FeedXML

/// The sanitiser as it was before `SanitizingWriter`: parse into a tree, clean it, repair its nesting,
/// serialise it. The test oracle the one-walk writer must match byte for byte.
struct ReferenceSanitizer {
    let policy: SanitizerPolicy

    func sanitize(_ html: String, baseURL: String?) -> String {
        sanitize(nodes: parse(html), baseURL: baseURL)
    }

    func sanitizeWithText(_ html: String, baseURL: String?) -> (html: String, text: String) {
        let cleaned = ReferenceNestingRepair.repair(cleaner(baseURL: baseURL).clean(parse(html)))
        return (URICharacters.trimmed(ReferenceSerializer.serialize(cleaned)), ReferencePlainText.text(of: cleaned))
    }

    func sanitize(nodes: [HTMLNode], baseURL: String?) -> String {
        let cleaned = ReferenceNestingRepair.repair(cleaner(baseURL: baseURL).clean(nodes))
        return URICharacters.trimmed(ReferenceSerializer.serialize(cleaned))
    }

    func plainText(_ html: String) -> String {
        ReferencePlainText.text(of: parse(html))
    }

    private func parse(_ html: String) -> [HTMLNode] {
        HTMLFragmentParser.parse(HTMLSanitizer.truncated(html, toBytes: policy.maxInputBytes))
    }

    private func cleaner(baseURL: String?) -> ReferenceCleaner {
        ReferenceCleaner(policy: policy, urls: URLFilter(baseURL: baseURL, allowDataImages: policy.allowDataImages))
    }
}

/// `HTMLPlainText` as it was before it became a visitor: a recursive walk over the tree.
enum ReferencePlainText {
    static func text(of nodes: [HTMLNode]) -> String {
        var raw = ""
        collect(nodes, into: &raw)
        return HTMLPlainText.collapsingWhitespace(raw)
    }

    private static func collect(_ nodes: [HTMLNode], into raw: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                raw += text
            case .element(let name, _, let children):
                if name == "iframe" || HTMLAllowlist.droppedWithContent.contains(name) { continue }
                let isBlock = HTMLPlainText.blockElements.contains(name)
                if isBlock { raw += " " }
                collect(children, into: &raw)
                if isBlock { raw += " " }
            }
        }
    }
}
