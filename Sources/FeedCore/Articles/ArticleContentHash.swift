/// Fingerprints an article's normalised content: FNV-1a 64 over title, link and blocks.
enum ArticleContentHash {
    /// 16 lowercase hex digits. Fields are separated by bytes normalised text cannot hold (US, RS, LF),
    /// and each block is tagged with its kind (`h`, `p`, `l`).
    /// Categories count only when there are some, so an article without any keeps the hash (and the
    /// id) it always had.
    static func make(title: String, link: String?, blocks: [ArticleBlock], categories: [String] = []) -> String {
        var hasher = FNV1a64()
        hasher.add(title)
        hasher.add(0x0A)
        hasher.add(link ?? "")
        hasher.add(0x0A)
        for block in blocks {
            switch block {
            case .heading(let text):
                hasher.add([0x68, 0x1F])
                hasher.add(text)
            case .paragraph(let text):
                hasher.add([0x70, 0x1F])
                hasher.add(text)
            case .list(let items):
                hasher.add([0x6C, 0x1F])
                for item in items {
                    hasher.add(item)
                    hasher.add(0x1E)
                }
            }
            hasher.add(0x0A)
        }
        if !categories.isEmpty {
            hasher.add([0x63, 0x1F])
            for category in categories {
                hasher.add(category)
                hasher.add(0x1E)
            }
        }
        return hasher.hex
    }
}
