@testable import FeedCore
import FeedXML

/// The sanitiser's cleaning step as it was written before `SanitizingWriter`: a tree in, a tree out.
///
/// Kept as the test oracle the one-walk writer is compared with.
struct ReferenceCleaner: Sendable {
    let policy: SanitizerPolicy
    let urls: URLFilter

    /// The cleaned nodes (recursion is bounded by the parser's depth limit).
    func clean(_ nodes: [HTMLNode]) -> [HTMLNode] {
        nodes.flatMap { node -> [HTMLNode] in
            switch node {
            case .text:
                return [node]
            case .element(let name, let attributes, let children):
                return clean(name: name, attributes: attributes, children: children)
            }
        }
    }

    private func clean(name: String, attributes: [HTMLAttribute], children: [HTMLNode]) -> [HTMLNode] {
        if name == "iframe" {
            return iframe(attributes).map { [$0] } ?? []
        }
        if HTMLAllowlist.droppedWithContent.contains(name) { return [] }
        guard let allowed = HTMLAllowlist.attributes[name] else { return clean(children) }
        var kept = cleanAttributes(attributes, allowed: allowed)
        switch name {
        case "a":
            guard kept.contains(where: { $0.name == "href" }) else { return clean(children) }
            kept.append(HTMLAttribute(name: "rel", value: HTMLAllowlist.linkRel))
        case "img":
            let source = kept.first { $0.name == "src" }?.value
            guard let source else { return [] }
            let width = attributes.first { $0.name == "width" }?.value
            let height = attributes.first { $0.name == "height" }?.value
            if TrackingPixel.isTracker(width: width, height: height, source: source) { return [] }
        case "source":
            guard kept.contains(where: { $0.name == "src" || $0.name == "srcset" }) else { return [] }
        case "track":
            guard kept.contains(where: { $0.name == "src" }) else { return [] }
        default:
            break
        }
        let keptChildren = HTMLNode.voidElements.contains(name) ? [] : clean(children)
        // A link left with nothing to click (its image was a tracker or a share button) goes.
        if name == "a", keptChildren.allSatisfy(\.isBlankText) { return keptChildren }
        return [.element(name: name, attributes: kept, children: keptChildren)]
    }

    private func cleanAttributes(_ attributes: [HTMLAttribute], allowed: [String: HTMLAllowlist.Rule]) -> [HTMLAttribute] {
        attributes.compactMap { attribute in
            guard let rule = allowed[attribute.name] ?? HTMLAllowlist.globalAttributes[attribute.name],
                let value = rule.apply(to: attribute.value, urls: urls)
            else { return nil }
            return HTMLAttribute(name: attribute.name, value: value)
        }
    }

    /// An iframe from an allowed host (over https), sandboxed and emptied; nil otherwise.
    private func iframe(_ attributes: [HTMLAttribute]) -> HTMLNode? {
        guard !policy.allowedIframeHosts.isEmpty, let allowed = HTMLAllowlist.attributes["iframe"] else { return nil }
        var kept = cleanAttributes(attributes, allowed: allowed)
        guard let source = kept.first(where: { $0.name == "src" })?.value,
            URLFilter.scheme(of: source) == "https",
            let host = URLFilter.host(of: source),
            policy.allowedIframeHosts.contains(where: { allowed in
                let allowed = allowed.lowercased()
                return host == allowed || host.hasSuffix("." + allowed)
            })
        else { return nil }
        kept.append(HTMLAttribute(name: "sandbox", value: HTMLAllowlist.iframeSandbox))
        return .element(name: "iframe", attributes: kept, children: [])
    }
}

extension HTMLNode {
    /// Text made only of whitespace.
    fileprivate var isBlankText: Bool {
        if case .text(let text) = self { text.allSatisfy(\.isWhitespace) } else { false }
    }
}
