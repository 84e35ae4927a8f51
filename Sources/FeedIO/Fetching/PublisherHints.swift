import FeedCore
import Foundation

/// What a publisher says about how often to poll it, from HTTP headers and the feed itself.
public struct PublisherHints: Sendable, Hashable, Codable {
    /// `Cache-Control: max-age` in seconds.
    public var maxAge: Double?
    /// Seconds until `Expires`, measured when the response arrived.
    public var expiresIn: Double?
    /// RSS `<ttl>` in minutes.
    public var ttlMinutes: Int?
    /// `sy:updatePeriod` (hourly, daily, weekly, monthly, yearly) and `sy:updateFrequency`.
    public var updatePeriod: String?
    public var updateFrequency: Int?
    /// RSS `<skipHours>` (0–23, GMT) and `<skipDays>` (Monday … Sunday).
    public var skipHours: [Int]
    public var skipDays: [String]

    public init(
        maxAge: Double? = nil, expiresIn: Double? = nil, ttlMinutes: Int? = nil, updatePeriod: String? = nil,
        updateFrequency: Int? = nil, skipHours: [Int] = [], skipDays: [String] = []
    ) {
        self.maxAge = maxAge
        self.expiresIn = expiresIn
        self.ttlMinutes = ttlMinutes
        self.updatePeriod = updatePeriod
        self.updateFrequency = updateFrequency
        self.skipHours = skipHours
        self.skipDays = skipDays
    }

    /// The longest interval the publisher asks for, in seconds; nil when it asks for nothing.
    /// Syndication module: the period divided by the frequency (default 1).
    public var requestedInterval: Double? {
        var candidates: [Double] = []
        if let maxAge, maxAge > 0 { candidates.append(maxAge) }
        if let expiresIn, expiresIn > 0 { candidates.append(expiresIn) }
        if let ttlMinutes, ttlMinutes > 0 { candidates.append(Double(ttlMinutes) * 60) }
        if let period = updatePeriod.flatMap(Self.periodSeconds) {
            candidates.append(period / Double(max(1, updateFrequency ?? 1)))
        }
        return candidates.max()
    }

    static func periodSeconds(_ period: String) -> Double? {
        switch period.trimmingCharacters(in: .whitespaces).lowercased() {
        case "hourly": 3_600
        case "daily": 86_400
        case "weekly": 604_800
        case "monthly": 2_592_000
        case "yearly": 31_536_000
        default: nil
        }
    }
}
