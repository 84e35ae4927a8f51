/// A value offered by several elements: the lowest priority wins, and the first among equals.
struct Prioritized<Value> {
    private(set) var value: Value?
    private var priority = Int.max

    mutating func offer(_ candidate: Value?, priority: Int) {
        guard let candidate, priority < self.priority else { return }
        value = candidate
        self.priority = priority
    }
}

/// A list filled by several kinds of element (atom:author, dc:creator, …): only the best kind is kept.
struct PrioritizedList<Element> {
    private(set) var values: [Element] = []
    private var priority = Int.max

    mutating func append(_ element: Element, priority: Int) {
        if priority < self.priority {
            values = [element]
            self.priority = priority
        } else if priority == self.priority {
            values.append(element)
        }
    }
}
