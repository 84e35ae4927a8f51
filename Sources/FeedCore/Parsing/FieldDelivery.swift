import Foundation

/// Stores a captured value into the draft its mapping names, converting it on the way (dates, URLs, numbers).
enum FieldDelivery {
    static func deliver(_ text: String, capture: TextCapture, base: String?, into entry: inout EntryDraft) {
        let priority = capture.slot.priority
        switch capture.slot.field {
        case .title: entry.title.offer(capture.content(text), priority: priority)
        case .id:
            entry.id.offer(text, priority: priority)
            // RSS 2.0: a guid is a permalink unless isPermaLink="false"; only a real URL is taken as the link.
            if capture.guidIsPermaLink == true, text.hasPrefix("http://") || text.hasPrefix("https://") {
                entry.link.offer(text, priority: 10)
            }
        case .link: entry.link.offer(URLResolver.resolve(text, against: base), priority: priority)
        case .published: entry.published.offer(FeedDateParser.parse(text), priority: priority)
        case .updated: entry.updated.offer(FeedDateParser.parse(text), priority: priority)
        case .summary: entry.summary.offer(capture.content(text), priority: priority)
        case .content: entry.content.offer(capture.content(text), priority: priority)
        case .category: entry.addCategory(text)
        case .authorLine: PersonLine.parse(text).map { entry.authors.append($0, priority: priority) }
        case .language: entry.language.offer(text, priority: priority)
        default: break
        }
    }

    static func deliver(_ text: String, capture: TextCapture, base: String?, into feed: inout FeedDraft) {
        let priority = capture.slot.priority
        switch capture.slot.field {
        case .title: feed.title.offer(capture.content(text), priority: priority)
        case .subtitle: feed.subtitle.offer(capture.content(text), priority: priority)
        case .id: feed.id.offer(text, priority: priority)
        case .link: feed.link.offer(URLResolver.resolve(text, against: base), priority: priority)
        case .language: feed.language.offer(text, priority: priority)
        case .updated: feed.updated.offer(FeedDateParser.parse(text), priority: priority)
        case .rights: feed.rights.offer(ParsedPlainText.of(capture.content(text)), priority: priority)
        case .generator: feed.generator.offer(text, priority: priority)
        case .icon: feed.icon.offer(URLResolver.resolve(text, against: base), priority: priority)
        case .ttl: feed.ttl.offer(Int(text), priority: priority)
        case .updatePeriod: feed.updatePeriod.offer(text.lowercased(), priority: priority)
        case .updateFrequency: feed.updateFrequency.offer(Int(text), priority: priority)
        case .authorLine: PersonLine.parse(text).map { feed.authors.append($0, priority: priority) }
        case .skipHour: if let hour = Int(text), (0...24).contains(hour) { feed.skipHours.append(hour % 24) }
        case .skipDay: feed.skipDays.append(text)
        default: break
        }
    }
}
