import FeedCore
import Foundation
import Synchronization

/// The `Date` header's value, formatted once a second rather than once a response.
final class ServerDate: Sendable {
    private let cache = Mutex<(second: Int, text: String)>((-1, ""))

    static let shared = ServerDate()

    var now: String {
        let second = Int(Date().timeIntervalSince1970)
        return cache.withLock { cached in
            if cached.second != second { cached = (second, FeedDate.httpDate(Date(timeIntervalSince1970: Double(second)))) }
            return cached.text
        }
    }
}
