import CLibXML2

/// The general entities a document declares in its own internal DTD subset (`<!ENTITY name "text">`),
/// expanded by feedd itself, within bounds, and handed to libxml2 as text.
///
/// Each entity is expanded once, when declared, from the XML entities, character references, HTML 4
/// entities and entities declared before it; one that refers to anything else, or grows past
/// `maxEntityBytes`, or past `maxDeclaredBytes` for all of them, is refused and stays undefined (so
/// billion laughs ends at its fifth level). References then deliver at most `baseBudget` bytes plus the
/// document's own size in all: amplification stays below two. External entities are never declared here
/// and never loaded.
///
/// The entities are typed `XML_INTERNAL_PREDEFINED_ENTITY`, like `EntitiesHTML`: libxml2 passes their text
/// to `characters` and never parses or expands it again.
final class DocumentEntities {
    static let maxEntityBytes = 64 << 10
    static let maxDeclaredBytes = 1 << 20
    static let baseBudget = 256 << 10

    private var entities: [String: UnsafeMutablePointer<xmlEntity>] = [:]
    private var declaredBytes = 0
    private var deliveredBytes = 0
    /// Names of the entities expanded at least once (the repair pass keeps their references).
    private(set) var usedNames: Set<String> = []
    /// How many declarations or references were refused for their size.
    private(set) var refusals = 0
    /// True while the document declared none (the common case: references skip the lookup).
    var isEmpty: Bool { entities.isEmpty }

    deinit {
        for entity in entities.values {
            feedd_xmlFree(UnsafeMutableRawPointer(mutating: entity.pointee.name))
            feedd_xmlFree(entity.pointee.content)
            entity.deallocate()
        }
    }

    /// Records an internal general entity; the first declaration of a name wins (XML 1.0 §4.2).
    func declare(name: String, content: UnsafePointer<xmlChar>?) {
        guard entities[name] == nil, let content else { return }
        let raw = UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
        guard let text = expand(raw), declaredBytes + text.count <= Self.maxDeclaredBytes else {
            refusals += 1
            return
        }
        declaredBytes += text.count
        let entity = UnsafeMutablePointer<xmlEntity>.allocate(capacity: 1)
        entity.initialize(to: xmlEntity())
        entity.pointee.type = XML_ENTITY_DECL
        entity.pointee.etype = XML_INTERNAL_PREDEFINED_ENTITY
        entity.pointee.name = UnsafePointer(xmlStrdup(name))
        entity.pointee.content = text.withUnsafeBufferPointer { xmlStrndup($0.baseAddress, Int32($0.count)) }
        entity.pointee.length = Int32(text.count)
        entities[name] = entity
    }

    /// The entity for a reference, or nil when it is not declared or the budget for `documentBytes` is spent.
    func entity(named name: String, documentBytes: Int) -> xmlEntityPtr? {
        guard let entity = entities[name] else { return nil }
        let length = Int(entity.pointee.length)
        guard deliveredBytes + length <= Self.baseBudget + documentBytes else {
            refusals += 1
            return nil
        }
        deliveredBytes += length
        usedNames.insert(name)
        return entity
    }

    /// The text of an entity value, its references expanded, or nil when it must be refused.
    private func expand(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "&"), let end = raw[index...].firstIndex(of: UInt8(ascii: ";")), end - index < 64 else {
                output.append(byte)
                index += 1
                continue
            }
            let name = String(decoding: raw[(index + 1)..<end], as: UTF8.self)
            guard let replacement = replacement(for: name) else { return nil }
            output.append(contentsOf: replacement)
            guard output.count <= Self.maxEntityBytes else { return nil }
            index = end + 1
        }
        return output.count <= Self.maxEntityBytes ? output : nil
    }

    /// What `&name;` stands for inside an entity value, or nil when it is unknown.
    private func replacement(for name: String) -> [UInt8]? {
        switch name {
        case "amp": return [UInt8(ascii: "&")]
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default: break
        }
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { Array(String(Character($0)).utf8) }
        }
        if let entity = entities[name] {
            return Array(UnsafeBufferPointer(start: entity.pointee.content, count: Int(entity.pointee.length)))
        }
        return HTMLEntityNames.character(named: name).map { Array(String($0).utf8) }
    }
}
