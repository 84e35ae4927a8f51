import FeedXML
import Synchronization

/// libxml2's answers to "does this start tag end that open element" for kept elements, by table index.
///
/// Asked once per pair (`HTMLFragmentParser.startTag`) and remembered: a writer that checks each start
/// tag against the open element asks this for nearly every element it writes.
final class NestingTable: Sendable {
    static let shared = NestingTable(names: ElementRule.all.filter { $0.index >= 0 }.map(\.name))

    private let names: [String]
    private let answers: Mutex<[UInt8]>  // 0: not asked yet, 1: no, 2: yes

    private init(names: [String]) {
        self.names = names
        answers = Mutex([UInt8](repeating: 0, count: names.count * names.count))
    }

    /// Whether a `new` start tag ends an open `open` element.
    func startTag(_ new: ElementRule, closes open: ElementRule) -> Bool {
        let slot = new.index * names.count + open.index
        let known = answers.withLock { $0[slot] }
        if known != 0 { return known == 2 }
        let answer = HTMLFragmentParser.startTag(names[new.index], closes: names[open.index])
        answers.withLock { $0[slot] = answer ? 2 : 1 }
        return answer
    }
}
