import FeedXML

/// The attributes of a kept element: checked by their rules and written out, with what its requirement reads.
extension SanitizingWriter {
    /// What a kept element's requirement reads from its attributes.
    struct Facts {
        var hasHref = false
        var hasSrcset = false
        var source: String?
        var width: String?
        var height: String?
    }

    /// Whether an iframe stays: over https from an allowed host (its kept attributes and `sandbox` are then in `attributes`).
    mutating func keepsIframe(_ element: HTMLElementView, rule: ElementRule) -> Bool {
        guard !policy.allowedIframeHosts.isEmpty else { return false }
        let facts = keptAttributes(of: element, rule: rule)
        guard let source = facts.source, URLFilter.scheme(of: source) == "https", let host = URLFilter.host(of: source),
            policy.allowedIframeHosts.contains(where: { allowed in
                let allowed = allowed.lowercased()
                return host == allowed || host.hasSuffix("." + allowed)
            })
        else { return false }
        appendAttribute("sandbox", HTMLAllowlist.iframeSandbox)
        return true
    }

    /// Writes the allowed attributes of `element` into `attributes` and returns what they say.
    mutating func keptAttributes(of element: HTMLElementView, rule: ElementRule) -> Facts {
        attributes.removeAll(keepingCapacity: true)
        var facts = Facts()
        for attribute in element.attributes {
            if rule.requirement == .image {
                // The tracking-pixel check reads the first width and height as written, kept or not.
                if facts.width == nil, Self.equals(attribute.name, "width") {
                    facts.width = String(decoding: attribute.value, as: UTF8.self)
                } else if facts.height == nil, Self.equals(attribute.name, "height") {
                    facts.height = String(decoding: attribute.value, as: UTF8.self)
                }
            }
            guard let allowed = rule.attributes[attribute.name] else { continue }
            switch allowed.rule {
            case .text:
                appendAttribute(name: attribute.name, value: attribute.value)
            case .boolean:
                appendAttribute(name: attribute.name, value: UnsafeBufferPointer(start: nil, count: 0))
            case .url(let kind):
                // Most URLs are written as they are, or after the base's scheme and authority.
                guard let answer = urls.directFilter(attribute.value, as: kind) else { fallthrough }
                attributes.append(UInt8(ascii: " "))
                attributes.append(contentsOf: attribute.name)
                attributes.append(contentsOf: "=\"".utf8)
                switch answer {
                case .asWritten:
                    HTMLEscaper.append(attribute.value, quote: true, to: &attributes)
                case .prefixed(let prefix):
                    HTMLEscaper.append(prefix, quote: true, to: &attributes)
                    HTMLEscaper.append(attribute.value, quote: true, to: &attributes)
                case .built(let url):
                    HTMLEscaper.append(url, quote: true, to: &attributes)
                }
                attributes.append(UInt8(ascii: "\""))
                switch allowed.role {
                case .href:
                    facts.hasHref = true
                case .src where facts.source == nil:
                    facts.source = switch answer {
                    case .asWritten: String(decoding: attribute.value, as: UTF8.self)
                    case .prefixed(let prefix): prefix + String(decoding: attribute.value, as: UTF8.self)
                    case .built(let url): url
                    }
                case .src, .srcset, .other:
                    break
                }
            default:
                guard let value = allowed.rule.apply(to: String(decoding: attribute.value, as: UTF8.self), urls: urls) else {
                    continue
                }
                attributes.append(UInt8(ascii: " "))
                attributes.append(contentsOf: attribute.name)
                attributes.append(contentsOf: "=\"".utf8)
                HTMLEscaper.append(value, quote: true, to: &attributes)
                attributes.append(UInt8(ascii: "\""))
                switch allowed.role {
                case .href: facts.hasHref = true
                case .src: if facts.source == nil { facts.source = value }
                case .srcset: facts.hasSrcset = true
                case .other: break
                }
            }
        }
        return facts
    }

    mutating func appendAttribute(name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {
        attributes.append(UInt8(ascii: " "))
        attributes.append(contentsOf: name)
        attributes.append(contentsOf: "=\"".utf8)
        HTMLEscaper.append(value, quote: true, to: &attributes)
        attributes.append(UInt8(ascii: "\""))
    }

    mutating func appendAttribute(_ name: String, _ value: String) {
        attributes.append(UInt8(ascii: " "))
        attributes.append(contentsOf: name.utf8)
        attributes.append(contentsOf: "=\"".utf8)
        HTMLEscaper.append(value, quote: true, to: &attributes)
        attributes.append(UInt8(ascii: "\""))
    }

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        bytes.count == name.utf8CodeUnitCount
            && name.withUTF8Buffer { $0.elementsEqual(bytes) }
    }
}
