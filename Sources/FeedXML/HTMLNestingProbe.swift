import Synchronization

/// Asks libxml2's HTML parser how it nests two elements, and remembers the answers.
final class HTMLNestingProbe: Sendable {
    static let shared = HTMLNestingProbe()

    private struct Pair: Hashable {
        var new: String
        var open: String
    }

    private let answers = Mutex<[Pair: Bool]>([:])
    /// Beyond this many remembered pairs, answers are computed each time (the sanitiser needs a few hundred).
    private static let cacheLimit = 10_000

    /// Whether `<open><new>` leaves `new` outside `open`. Names that are not plain tag names are never probed.
    func startTag(_ new: String, closes open: String) -> Bool {
        let pair = Pair(new: new, open: open)
        if let known = answers.withLock({ $0[pair] }) { return known }
        let answer = Self.isPlainName(new) && Self.isPlainName(open) && Self.probe(pair)
        answers.withLock { if $0.count < Self.cacheLimit { $0[pair] = answer } }
        return answer
    }

    private static func probe(_ pair: Pair) -> Bool {
        let nodes = HTMLFragmentParser.parse("<\(pair.open)><\(pair.new)>", maxDepth: 4)
        guard case .element(let name, _, let children) = nodes.first, name == pair.open else { return false }
        return !children.contains { node in
            if case .element(let child, _, _) = node { child == pair.new } else { false }
        }
    }

    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 32
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }
}
