import FeedIO
import FeeddTestSupport
import Foundation
import Testing

@Suite struct SystemdNotifierTests {
    @Test func withoutNotifySocketEveryCallIsANoOp() throws {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isEnabled)
        #expect(notifier.watchdogInterval == nil)
        try notifier.ready()
        try notifier.status("idle")
        try notifier.reloading()
        try notifier.stopping()
        try notifier.watchdog()
    }

    @Test func aReceiverThatNeverReadsCannotBlockTheDaemon() throws {
        let dir = TemporaryDirectory()
        let socket = try SystemdTestSocket(dir.file("notify"))
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.notifyValue])
        let started = Date()
        var dropped = 0
        for index in 0..<200 {
            do { try notifier.status("update \(index)") } catch { dropped += 1 }
        }
        #expect(dropped > 0, "the queue must have filled")
        #expect(Date().timeIntervalSince(started) < 1, "status lines are dropped, never waited for")
        let readyStarted = Date()
        #expect(throws: SystemdNotifyError.self) { try notifier.ready() }
        #expect(Date().timeIntervalSince(readyStarted) < 3, "READY=1 waits a little, then gives up")
        #expect(socket.receive() == "STATUS=update 0")
    }

    @Test func pathSocketReceivesTheExactDatagrams() throws {
        let dir = TemporaryDirectory()
        let socket = try SystemdTestSocket(dir.file("notify"))
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.notifyValue])
        #expect(notifier.isEnabled)

        try notifier.ready()
        #expect(socket.receive() == "READY=1")
        try notifier.ready(status: "published 12 entries")
        #expect(socket.receive() == "READY=1\nSTATUS=published 12 entries")
        try notifier.status("two\nlines\r\n")
        #expect(socket.receive() == "STATUS=two lines  ")
        try notifier.watchdog()
        #expect(socket.receive() == "WATCHDOG=1")
        try notifier.extendTimeout(by: .seconds(90) + .microseconds(5))
        #expect(socket.receive() == "EXTEND_TIMEOUT_USEC=90000005")
        try notifier.send(["A=1", "B=2"])
        #expect(socket.receive() == "A=1\nB=2")
        try notifier.stopping(status: "bye")
        #expect(socket.receive() == "STOPPING=1\nSTATUS=bye")
    }

    @Test func reloadingCarriesTheMonotonicClock() throws {
        let dir = TemporaryDirectory()
        let socket = try SystemdTestSocket(dir.file("notify"))
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.notifyValue])

        let before = SystemdNotifier.monotonicMicroseconds()
        try notifier.reloading()
        let after = SystemdNotifier.monotonicMicroseconds()

        let lines = try #require(socket.receive()).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first == "RELOADING=1")
        let stamp = try #require(lines.last?.split(separator: "=").last.flatMap { UInt64($0) })
        #expect(lines.last?.hasPrefix("MONOTONIC_USEC=") == true)
        #expect(before <= stamp && stamp <= after)
    }

    @Test func abstractSocketNameIsReached() throws {
        let name = "@feedd-test-" + UUID().uuidString
        let socket = try SystemdTestSocket(name)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": name])
        #expect(notifier.socket == NotifySocketAddress(name))
        #expect(notifier.socket?.kind == .abstract)

        try notifier.ready()
        #expect(socket.receive() == "READY=1")
    }

    @Test func aMissingSocketIsAnErrorNamingIt() throws {
        let dir = TemporaryDirectory()
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": dir.file("nobody-listens")])
        let error = #expect(throws: SystemdNotifyError.self) { try notifier.ready() }
        #expect(error?.description.contains(dir.file("nobody-listens")) == true)
    }

    @Test(arguments: [
        ("", false), ("@", false), ("run/notify", false), ("/run/systemd/notify", true), ("@abc", true),
        ("/" + String(repeating: "x", count: 107), false), ("/" + String(repeating: "x", count: 106), true),
    ])
    func notifySocketValues(value: String, valid: Bool) {
        #expect((NotifySocketAddress(value) != nil) == valid)
    }

    @Test(arguments: [
        (["WATCHDOG_USEC": "30000000"], Duration?.some(.seconds(15))),
        (["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "4242"], .some(.seconds(15))),
        (["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"], nil),
        (["WATCHDOG_USEC": "0"], nil),
        (["WATCHDOG_USEC": "soon"], nil),
        ([:], nil),
    ])
    func watchdogIntervalIsHalfOfWatchdogUsecForThisProcess(environment: [String: String], interval: Duration?) {
        let notifier = SystemdNotifier(environment: environment, pid: 4242)
        #expect(notifier.watchdogInterval == interval)
    }
}
