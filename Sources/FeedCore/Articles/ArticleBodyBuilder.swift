/// Groups body lines into blocks: paragraphs (lines joined with a space), inferred or explicit headings,
/// and lists (`- ` items, adjacent ones merged, and every paragraph under a further-reading heading).
struct ArticleBodyBuilder {
    /// Whether a single short line between blank lines becomes a heading (plain text yes, Markdown no).
    let infersHeadings: Bool
    private(set) var blocks: [ArticleBlock] = []
    private var paragraphLines: [[UInt8]] = []
    private var groupHasList = false
    private var listItems: [String] = []
    private var inFurtherReading = false

    init(infersHeadings: Bool) {
        self.infersHeadings = infersHeadings
    }

    /// A line of running text.
    mutating func addText(_ line: [UInt8]) {
        if !listItems.isEmpty, !inFurtherReading { flushList() }
        paragraphLines.append(line)
    }

    /// A list item, its marker already removed.
    mutating func addListItem(_ text: [UInt8]) {
        flushParagraph(mayBeHeading: false)
        groupHasList = true
        guard !text.isEmpty else { return }
        listItems.append(String(decoding: text, as: UTF8.self))
    }

    /// An explicit heading (Markdown `#`).
    mutating func addHeading(_ text: [UInt8]) {
        flushParagraph(mayBeHeading: false)
        flushList()
        appendHeading(String(decoding: text, as: UTF8.self))
    }

    /// A blank line: ends the paragraph, which becomes a heading when it is one short line alone.
    /// Under a further-reading heading every paragraph is an item, however short (the block runs to the end
    /// or to an explicit heading).
    mutating func addBlank() {
        flushParagraph(mayBeHeading: infersHeadings && !groupHasList && !inFurtherReading)
        groupHasList = false
    }

    /// The blocks, with anything pending flushed.
    mutating func finish() -> [ArticleBlock] {
        addBlank()
        flushList()
        return blocks
    }

    private mutating func appendHeading(_ text: String) {
        blocks.append(.heading(text))
        inFurtherReading = FurtherReading.opens(text)
    }

    private mutating func flushParagraph(mayBeHeading: Bool) {
        guard !paragraphLines.isEmpty else { return }
        defer { paragraphLines.removeAll(keepingCapacity: true) }
        if mayBeHeading, paragraphLines.count == 1, HeadingRule.isHeading(paragraphLines[0]) {
            flushList()
            appendHeading(String(decoding: paragraphLines[0], as: UTF8.self))
            return
        }
        var joined: [UInt8] = []
        joined.reserveCapacity(paragraphLines.reduce(0) { $0 + $1.count + 1 })
        for line in paragraphLines {
            if !joined.isEmpty { joined.append(0x20) }
            joined.append(contentsOf: line)
        }
        let text = String(decoding: joined, as: UTF8.self)
        if inFurtherReading {
            listItems.append(text)
        } else {
            flushList()
            blocks.append(.paragraph(text))
        }
    }

    private mutating func flushList() {
        guard !listItems.isEmpty else { return }
        blocks.append(.list(listItems))
        listItems.removeAll()
    }
}
