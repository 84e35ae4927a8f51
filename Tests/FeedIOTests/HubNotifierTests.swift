import FeedCore
import FeedIO
import FeeddTestSupport
import Foundation
import Logging
import Testing

/// The WebSub publish ping against slow hubs on 127.0.0.1 (the happy paths run end to end in WebSubEndToEndTests).
@Suite struct HubNotifierTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    @Test func aHubThatTricklesItsAnswerHoldsNoPingPastTheDeadline() async throws {
        let hub = try TrickleServer.slowBody(Array(repeating: UInt8(ascii: "x"), count: 200), interval: 1)
        defer { hub.shutdown() }
        let started = ContinuousClock.now
        let outcomes = await HubNotifier(userAgent: "feedd-test", timeoutSeconds: 2, attempts: 1)
            .notify(hubs: [hub.baseURL + "/hub"], topics: ["https://feeds.example/atom.xml"], logger: logger)
        #expect(ContinuousClock.now - started < .seconds(5), "a 200-second body within a 2-second deadline")
        #expect(outcomes.count == 1)
    }

    @Test func aHubThatSaysNothingIsTriedAgainThenGivenUp() async throws {
        let hub = try TrickleServer.slowHeaders(Array("ok".utf8), interval: 30)
        defer { hub.shutdown() }
        let started = ContinuousClock.now
        let outcomes = await HubNotifier(userAgent: "feedd-test", timeoutSeconds: 1, attempts: 2, firstRetryDelay: .milliseconds(100))
            .notify(hubs: [hub.baseURL + "/hub"], topics: ["https://feeds.example/atom.xml"], logger: logger)
        #expect(ContinuousClock.now - started < .seconds(6))
        #expect(outcomes.first?.attempts == 2 && outcomes.first?.failure != nil, "\(outcomes)")
    }

    @Test func theTopicIsOneFormValue() {
        #expect(URIPercentEncoding.formValue("https://feeds.example/a b?x=1&y=é")
                == "https%3A%2F%2Ffeeds.example%2Fa%20b%3Fx%3D1%26y%3D%C3%A9")
        #expect(URIPercentEncoding.formValue("AZaz09-._~") == "AZaz09-._~")
    }
}
