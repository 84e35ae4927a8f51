import FeedXML

/// What the sanitiser does with one element name: `HTMLAllowlist` and `HTMLPlainText` as a table read by bytes.
final class ElementRule: Sendable {
    enum Action: Sendable {
        case unwrap  // not allowed: its children take its place
        case drop  // goes with its content
        case iframe  // kept only from an allowed host
        case keep
    }

    /// What a kept element needs beyond its attributes to be written.
    enum Requirement: Sendable {
        case none
        case link  // an href (else unwrapped), and some content (else unwrapped)
        case image  // a src, and not a tracking pixel
        case source  // a src or a srcset
        case track  // a src
    }

    /// An allowed attribute of this element, with what the element's requirement reads from it.
    struct Attribute: Sendable {
        enum Role: Sendable { case other, href, src, srcset }
        let rule: HTMLAllowlist.Rule
        let role: Role
    }

    let name: String
    let bytes: [UInt8]
    let action: Action
    let requirement: Requirement
    let isVoid: Bool
    let isBlock: Bool
    /// The position in `NestingTable` (kept elements and iframe; -1 otherwise).
    let index: Int
    /// The element's own attributes and the global ones (the element's rule wins).
    let attributes: HTMLNameTable<Attribute>

    private init(name: String, index: Int) {
        self.name = name
        bytes = Array(name.utf8)
        let allowed = HTMLAllowlist.attributes[name]
        if name == "iframe" {
            action = .iframe
        } else if HTMLAllowlist.droppedWithContent.contains(name) {
            action = .drop
        } else {
            action = allowed == nil ? .unwrap : .keep
        }
        requirement = switch name {
        case "a": .link
        case "img": .image
        case "source": .source
        case "track": .track
        default: .none
        }
        isVoid = HTMLNode.voidElements.contains(name)
        isBlock = HTMLPlainText.blockElements.contains(name)
        self.index = allowed == nil ? -1 : index
        let own = (allowed ?? [:]).sorted { $0.key < $1.key }
        let global = HTMLAllowlist.globalAttributes.sorted { $0.key < $1.key }
        attributes = HTMLNameTable((own + global).map { name, rule in
            let role: Attribute.Role = switch name {
            case "href": .href
            case "src": .src
            case "srcset": .srcset
            default: .other
            }
            return (name: name, value: Attribute(rule: rule, role: role))
        })
    }

    /// Every element name any rule mentions, in a fixed order (the kept ones first, for `NestingTable`).
    static let all: [ElementRule] = {
        let kept = HTMLAllowlist.attributes.keys.sorted()
        let others = Set(HTMLAllowlist.droppedWithContent).union(HTMLPlainText.blockElements).subtracting(kept).sorted()
        return (kept + others).enumerated().map { ElementRule(name: $1, index: $0) }
    }()

    static let table = HTMLNameTable(all.map { (name: $0.name, value: $0) })
}
