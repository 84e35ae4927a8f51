import CLibXML2

/// The HTML 4 entity set (`&nbsp;`, `&eacute;`, …) as libxml2 entities, handed to the parser by the SAX
/// `getEntity` callback so that undeclared HTML entities in feeds survive instead of being dropped.
///
/// The entities are typed `XML_INTERNAL_PREDEFINED_ENTITY`: libxml2 inlines their text like `&amp;` and
/// never expands them recursively.
final class EntitiesHTML: @unchecked Sendable {
    // Safe to share: the table and the C entities are built once, never mutated, and never freed;
    // libxml2 only reads a predefined entity's content.
    static let shared = EntitiesHTML()

    private let byCodepoint: [UInt32: xmlEntityPtr]

    private init() {
        var table: [UInt32: xmlEntityPtr] = [:]
        for codepoint in UInt32(0)..<10_000 {
            guard let description = htmlEntityValueLookup(codepoint), let name = description.pointee.name,
                  let scalar = Unicode.Scalar(codepoint)
            else { continue }
            let content = Array(String(Character(scalar)).utf8) + [0]
            let entity = content.withUnsafeBufferPointer { buffer in
                xmlNewEntity(nil, name, Int32(XML_INTERNAL_PREDEFINED_ENTITY.rawValue), nil, nil, buffer.baseAddress)
            }
            if let entity { table[codepoint] = entity }
        }
        byCodepoint = table
    }

    /// The entity for an HTML 4 entity name, or nil (entities declared in a DTD are never looked up here).
    func entity(named name: UnsafePointer<xmlChar>) -> xmlEntityPtr? {
        guard let description = htmlEntityLookup(name) else { return nil }
        return byCodepoint[description.pointee.value]
    }
}

/// Looks up HTML 4 named character references (`eacute` → `é`) for code that decodes HTML text.
public enum HTMLEntityNames {
    /// The character an HTML 4 entity name stands for, or nil when the name is not in HTML 4.
    public static func character(named name: String) -> Character? {
        guard let description = htmlEntityLookup(name), let scalar = Unicode.Scalar(description.pointee.value) else {
            return nil
        }
        return Character(scalar)
    }
}
