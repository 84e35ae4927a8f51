import AsyncHTTPClient
import FeedCore
import Foundation
import Logging
import NIOCore

/// Tells WebSub hubs that feeds changed (the publish ping most hubs take: `POST hub.mode=publish&hub.url=…`,
/// one request per hub and feed), retrying each failure with a growing delay.
public struct HubNotifier: Sendable {
    public var userAgent: String
    /// Deadline of one request.
    public var timeoutSeconds: Int
    /// Tries per hub and feed, the first included.
    public var attempts: Int
    /// The wait before the second try; each later one waits four times longer.
    public var firstRetryDelay: Duration

    public init(userAgent: String, timeoutSeconds: Int = 15, attempts: Int = 3, firstRetryDelay: Duration = .seconds(1)) {
        self.userAgent = userAgent
        self.timeoutSeconds = timeoutSeconds
        self.attempts = attempts
        self.firstRetryDelay = firstRetryDelay
    }

    /// How one hub took the news of one feed.
    public struct Outcome: Sendable, Hashable {
        public var hub: String
        public var topic: String
        /// nil when it was accepted (a 2xx answer).
        public var failure: String?
        public var attempts: Int
    }

    /// Notifies every hub of every topic (the feeds' public URLs), all at once, and logs each result.
    public func notify(hubs: [String], topics: [String], logger: Logger) async -> [Outcome] {
        guard !hubs.isEmpty, !topics.isEmpty else { return [] }
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        let outcomes = await withTaskGroup(of: Outcome.self) { group in
            for hub in hubs {
                for topic in topics {
                    group.addTask { await notify(hub: hub, topic: topic, client: client) }
                }
            }
            var all: [Outcome] = []
            for await outcome in group { all.append(outcome) }
            return all.sorted { ($0.hub, $0.topic) < ($1.hub, $1.topic) }
        }
        try? await client.shutdown()
        for outcome in outcomes {
            if let failure = outcome.failure {
                logger.warning("FAIL (WEBSUB) \(outcome.hub): \(failure) for \(outcome.topic); gave up after \(outcome.attempts) tries")
            } else {
                logger.info("OK (WEBSUB) \(outcome.hub): notified that \(outcome.topic) changed")
            }
        }
        return outcomes
    }

    private func notify(hub: String, topic: String, client: HTTPClient) async -> Outcome {
        var failure: String?
        var delay = firstRetryDelay
        for attempt in 1...max(1, attempts) {
            failure = await post(hub: hub, topic: topic, client: client)
            if failure == nil || attempt == attempts { return Outcome(hub: hub, topic: topic, failure: failure, attempts: attempt) }
            do { try await Task.sleep(for: delay) } catch { return Outcome(hub: hub, topic: topic, failure: failure, attempts: attempt) }
            delay *= 4
        }
        return Outcome(hub: hub, topic: topic, failure: failure, attempts: attempts)
    }

    /// One ping; nil when the hub accepted it, else why not.
    private func post(hub: String, topic: String, client: HTTPClient) async -> String? {
        var request = HTTPClientRequest(url: hub)
        request.method = .POST
        request.headers.add(name: "User-Agent", value: userAgent)
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: Self.form(topic: topic)))
        let deadline = NIODeadline.now() + .seconds(Int64(timeoutSeconds))
        do {
            let response = try await client.execute(request, deadline: deadline)
            // The body within the same deadline: a hub that trickles its answer holds no ping for long.
            let body = try? await HTTPFetcher.collect(response.body, upTo: 64 << 10, deadline: deadline)
            guard (200..<300).contains(response.status.code) else {
                let said = body.map { String(buffer: $0).prefix(200) } ?? ""
                return "HTTP \(response.status.code)" + (said.isEmpty ? "" : ": \(said)")
            }
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// `hub.mode=publish&hub.url=<topic>`, form-encoded.
    static func form(topic: String) -> String {
        "hub.mode=publish&hub.url=" + URIPercentEncoding.formValue(topic)
    }
}
