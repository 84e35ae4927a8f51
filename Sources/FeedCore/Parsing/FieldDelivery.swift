import Foundation

/// Stores a captured value into the draft its mapping names, converting it on the way (dates, URLs, numbers).
enum FieldDelivery {
    static func deliver(_ text: String, capture: TextCapture, base: String?, into entry: inout EntryDraft) {
        let priority = capture.slot.priority
        let rank = FieldRank(nesting: capture.nesting, priority: priority)
        let latest = capture.slot.field.keepsLatest
        switch capture.slot.field {
        case .title: entry.title.offer(capture.content(text), rank: rank, keepLatest: latest)
        case .id:
            entry.id.offer(text, rank: rank, keepLatest: latest)
            // RSS 2.0: a guid is a permalink unless isPermaLink="false"; only a real URL is taken as the link.
            if capture.guidIsPermaLink == true, text.hasPrefix("http://") || text.hasPrefix("https://") {
                entry.link.offer(text, rank: .fallback(10), keepLatest: true)
            }
        case .link: entry.link.offer(URLResolver.resolve(text, against: base), rank: rank, keepLatest: latest)
        case .published: entry.published.offer(FeedDateParser.parse(text), rank: rank, keepLatest: latest)
        case .updated: entry.updated.offer(FeedDateParser.parse(text), rank: rank, keepLatest: latest)
        case .summary: entry.summary.offer(capture.content(text), rank: rank, keepLatest: latest)
        case .content: entry.content.offer(capture.content(text), rank: rank, keepLatest: latest)
        case .category: entry.addCategory(text)
        case .authorLine: PersonLine.parse(text).map { entry.authors.append($0) }
        case .language: entry.language.offer(text, rank: rank, keepLatest: latest)
        default: break
        }
    }

    static func deliver(_ text: String, capture: TextCapture, base: String?, into feed: inout FeedDraft) {
        let priority = capture.slot.priority
        let rank = FieldRank(nesting: capture.nesting, priority: priority)
        let latest = capture.slot.field.keepsLatest
        switch capture.slot.field {
        case .title: feed.title.offer(capture.content(text), rank: rank, keepLatest: latest)
        case .subtitle: feed.subtitle.offer(capture.content(text), rank: rank, keepLatest: latest)
        case .id: feed.id.offer(text, rank: rank, keepLatest: latest)
        case .link: feed.link.offer(URLResolver.resolve(text, against: base), rank: rank, keepLatest: latest)
        case .language: feed.language.offer(text, rank: rank, keepLatest: latest)
        case .published: feed.published.offer(FeedDateParser.parse(text), rank: rank, keepLatest: latest)
        case .updated: feed.updated.offer(FeedDateParser.parse(text), rank: rank, keepLatest: latest)
        case .rights: feed.rights.offer(ParsedPlainText.of(capture.content(text)), rank: rank, keepLatest: latest)
        case .generator: feed.generator.offer(text, rank: rank, keepLatest: latest)
        // Icons come from differently nested elements (`image/url`, `atom:icon`): only the priority ranks them.
        case .icon: feed.icon.offer(URLResolver.resolve(text, against: base), rank: FieldRank(nesting: 0, priority: priority))
        case .ttl: feed.ttl.offer(Int(text), rank: rank, keepLatest: latest)
        case .updatePeriod: feed.updatePeriod.offer(text.lowercased(), rank: rank, keepLatest: latest)
        case .updateFrequency: feed.updateFrequency.offer(Int(text), rank: rank, keepLatest: latest)
        case .authorLine: PersonLine.parse(text).map { feed.authors.append($0) }
        case .category: feed.addCategory(text)
        case .skipHour: if let hour = Int(text), (0...24).contains(hour) { feed.skipHours.append(hour % 24) }
        case .skipDay: feed.skipDays.append(text)
        default: break
        }
    }
}
