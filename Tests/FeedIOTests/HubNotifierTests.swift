import FeedCore
import FeedIO
import FeeddTestSupport
import Foundation
import Logging
import Testing

/// The WebSub publish ping against slow hubs on 127.0.0.1 (the happy paths run end to end in WebSubEndToEndTests).
@Suite(.serialized) struct HubNotifierTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// The outcomes and how long they took, measured on an executor of its own: the measure is the
    /// notifier's, not how busy the synchronous tests beside keep the cooperative pool.
    func timed(_ notifier: HubNotifier, hub: String) async -> (outcomes: [HubNotifier.Outcome], elapsed: Duration) {
        let executor = DedicatedThreadExecutor(name: "feedd-test-executor")
        defer { executor.shutdown() }
        return await withTaskExecutorPreference(executor) {
            let started = ContinuousClock.now
            let outcomes = await notifier.notify(hubs: [hub], topics: ["https://feeds.example/atom.xml"], logger: logger)
            return (outcomes, ContinuousClock.now - started)
        }
    }

    @Test func aHubThatTricklesItsAnswerHoldsNoPingPastTheDeadline() async throws {
        let hub = try TrickleServer.slowBody(Array(repeating: UInt8(ascii: "x"), count: 200), interval: 1)
        defer { hub.shutdown() }
        let (outcomes, elapsed) = await timed(HubNotifier(userAgent: "feedd-test", timeoutSeconds: 2, attempts: 1), hub: hub.baseURL + "/hub")
        #expect(elapsed < .seconds(10), "a 200-second body within a 2-second deadline (slack for a loaded machine)")
        #expect(outcomes.count == 1)
    }

    @Test func aHubThatSaysNothingIsTriedAgainThenGivenUp() async throws {
        let hub = try TrickleServer.slowHeaders(Array("ok".utf8), interval: 30)
        defer { hub.shutdown() }
        let notifier = HubNotifier(userAgent: "feedd-test", timeoutSeconds: 1, attempts: 2, firstRetryDelay: .milliseconds(100))
        let (outcomes, elapsed) = await timed(notifier, hub: hub.baseURL + "/hub")
        // Two 1-second deadlines and a 0.1 s wait; the slack is for a loaded CI machine. Without deadlines
        // each try would wait 30 s for the first byte of the head.
        #expect(elapsed < .seconds(15))
        #expect(outcomes.first?.attempts == 2 && outcomes.first?.failure != nil, "\(outcomes)")
    }

    @Test func theTopicIsOneFormValue() {
        #expect(URIPercentEncoding.formValue("https://feeds.example/a b?x=1&y=é")
                == "https%3A%2F%2Ffeeds.example%2Fa%20b%3Fx%3D1%26y%3D%C3%A9")
        #expect(URIPercentEncoding.formValue("AZaz09-._~") == "AZaz09-._~")
    }
}
