import FeedCore
import FeedIO
import FeedXML
import FeeddTestSupport
import Foundation
import Testing

/// The real daemon as a subprocess, on a temporary directory, with real inotify, signals and sd_notify.
@Suite(.serialized) struct DaemonEndToEndTests {
    /// A workspace with a config whose paths are all inside it.
    struct Workspace {
        let dir = TemporaryDirectory()
        var seeds: String { dir.file("seeds") }

        init(title: String = "Daemon feed", createSeeds: Bool = true) {
            if createSeeds { try! FileManager.default.createDirectory(atPath: dir.file("seeds"), withIntermediateDirectories: true) }
            writeConfig(title: title)
        }

        func writeConfig(title: String, extra: String = "") {
            dir.write("feedd.toml", """
                [feed]
                title = "\(title)"
                tag_authority = "daemon.example,2026"
                max_entries = 2000
                [paths]
                seeds = "seeds"
                output = "out"
                state = "state"
                [daemon]
                debounce_ms = 100
                \(extra)
                """)
        }

        func start(environment: [String: String] = [:]) throws -> DaemonProcess {
            try DaemonProcess(["--config", dir.file("feedd.toml"), "--log-level", "debug"], in: dir.path, environment: environment)
        }

        func atomText() -> String {
            (try? String(contentsOfFile: dir.file("out/atom.xml"), encoding: .utf8)) ?? ""
        }

        func atomEntryCount() -> Int { atomText().components(separatedBy: "<entry").count - 1 }
    }

    static func article(_ title: String) -> String {
        let slug = title.lowercased().replacingOccurrences(of: " ", with: "-")
        return "\(title)\n\nKey Facts\n\nThe council met on Monday and agreed on the plan after a long debate with residents.\n\nSource: https://example.org/2026/05/04/\(slug)/\n"
    }

    @Test func readyComesBeforeTheStartUpPollsAndTheirEntriesFollow() throws {
        // A source that takes 4 s to answer: thousands of sources take minutes, longer than systemd waits
        // for READY=1 (TimeoutStartSec); the outputs stand first, the polls come next.
        let rss = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title><link>https://slow.example/</link>
            <item><guid>https://slow.example/1</guid><title>Slowly polled item</title><link>https://slow.example/1</link>
            <pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>
            """
        let server = try TestHTTPServer { _ in .respond(status: 200, body: Array(rss.utf8), delay: 4) }
        defer { server.shutdown() }
        let ws = Workspace()
        ws.writeConfig(title: "Daemon feed", extra: """
            [polling]
            timeout_seconds = 30
            [[source]]
            name = "slow"
            url = "\(server.baseURL)/feed"
            """)
        ws.dir.write("seeds/000_aaaaaaaaaaaaaaaa.txt", Self.article("Article at start"))
        let socketPath = ws.dir.file("notify.sock")
        let socket = try SystemdTestSocket(socketPath)
        let started = Date()
        let daemon = try ws.start(environment: ["NOTIFY_SOCKET": socketPath])
        let first = socket.receive()
        #expect(first?.contains("READY=1") == true, "got \(first ?? "nothing"); log: \(daemon.output)")
        #expect(Date().timeIntervalSince(started) < 3, "READY=1 waited for the poll")
        #expect(ws.atomText().contains("Article at start"))
        #expect(!ws.atomText().contains("Slowly polled item"))
        #expect(daemon.wait(timeout: 10) { ws.atomText().contains("Slowly polled item") }, "log: \(daemon.output)")
        #expect(daemon.terminate() == 0)
    }

    @Test func readyStatusAndArticlesAppearWithinTwoSeconds() throws {
        let ws = Workspace()
        let socketPath = ws.dir.file("notify.sock")
        let socket = try SystemdTestSocket(socketPath)
        let daemon = try ws.start(environment: ["NOTIFY_SOCKET": socketPath])
        let first = socket.receive()
        #expect(first?.contains("READY=1") == true, "got \(first ?? "nothing"); log: \(daemon.output)")
        #expect(first?.contains("STATUS=") == true)

        // Written slowly in place: nothing is read before close-after-write.
        let path = ws.seeds + "/000_aaaaaaaaaaaaaaaa.txt"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        let text = Array(Self.article("Slowly written article").utf8)
        _ = text[..<20].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        Thread.sleep(forTimeInterval: 0.6)
        #expect(!ws.atomText().contains("Slowly"), "a half-written file must not be published")
        _ = text[20...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let written = Date()
        #expect(daemon.wait(timeout: 2) { ws.atomText().contains("Slowly written article") })
        #expect(Date().timeIntervalSince(written) < 2)

        // Renamed in.
        ws.dir.write("seeds/.001_bbbbbbbbbbbbbbbb.txt.tmp", Self.article("Renamed article"))
        try FileManager.default.moveItem(atPath: ws.seeds + "/.001_bbbbbbbbbbbbbbbb.txt.tmp", toPath: ws.seeds + "/001_bbbbbbbbbbbbbbbb.txt")
        #expect(daemon.wait(timeout: 2) { ws.atomText().contains("Renamed article") })

        // Deleted: retracted.
        try FileManager.default.removeItem(atPath: path)
        #expect(daemon.wait(timeout: 2) { !ws.atomText().contains("Slowly written article") })

        let atom = Array(try Data(contentsOf: URL(fileURLWithPath: ws.dir.file("out/atom.xml"))))
        #expect(RelaxNGValidator.validate(atom, schemaPath: OnceEndToEndTests.schema) == [])
        #expect(daemon.terminate() == 0)
        var sawStopping = false
        while let message = socket.receive() { if message.contains("STOPPING=1") { sawStopping = true; break } }
        #expect(sawStopping)
    }

    @Test func thousandArticlesAtOnceAreAllPublishedWithFewRewrites() throws {
        let ws = Workspace()
        let daemon = try ws.start()
        #expect(daemon.waitForLog("ready:"))
        let staging = ws.dir.file("staging")
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        for i in 0..<1_000 {
            ws.dir.write("staging/" + String(format: "%03d_%016x.txt", i % 1000, i), Self.article("Bulk article \(i)"))
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: staging) {
            try FileManager.default.moveItem(atPath: staging + "/" + name, toPath: ws.seeds + "/" + name)
        }
        #expect(daemon.wait(timeout: 15) { ws.atomEntryCount() == 1_000 }, "entries: \(ws.atomEntryCount())")
        let rewrites = daemon.output.components(separatedBy: "publish: wrote").count - 1
        #expect(rewrites >= 1 && rewrites <= 20, "\(rewrites) rewrites")
        #expect(daemon.terminate() == 0)
    }

    @Test func sighupReloadsAGoodConfigurationAndKeepsTheOldOneOnABadOne() throws {
        let ws = Workspace(title: "Before reload")
        ws.dir.write("seeds/000_aaaaaaaaaaaaaaaa.txt", Self.article("Some article"))
        let daemon = try ws.start()
        #expect(daemon.wait(timeout: 10) { ws.atomText().contains("Before reload") })

        ws.writeConfig(title: "After reload")
        daemon.signal(SIGHUP)
        #expect(daemon.wait(timeout: 5) { ws.atomText().contains("After reload") })

        ws.dir.write("feedd.toml", "[feed]\nmax_entries = \"lots\"\n")
        daemon.signal(SIGHUP)
        #expect(daemon.waitForLog("the current configuration stays in force"))
        #expect(daemon.isRunning)
        #expect(ws.atomText().contains("After reload"))
        ws.dir.write("seeds/001_bbbbbbbbbbbbbbbb.txt", Self.article("Still watched after a bad reload"))
        #expect(daemon.wait(timeout: 3) { ws.atomText().contains("Still watched after a bad reload") })
        #expect(daemon.terminate() == 0)
    }

    @Test func sigtermExitsPromptlyWithValidOutputs() throws {
        let ws = Workspace()
        ws.dir.write("seeds/000_aaaaaaaaaaaaaaaa.txt", Self.article("One"))
        let daemon = try ws.start()
        #expect(daemon.waitForLog("ready:"))
        let started = Date()
        #expect(daemon.terminate(timeout: 5) == 0)
        #expect(Date().timeIntervalSince(started) < 5)
        let atom = Array(try Data(contentsOf: URL(fileURLWithPath: ws.dir.file("out/atom.xml"))))
        #expect(RelaxNGValidator.validate(atom, schemaPath: OnceEndToEndTests.schema) == [])
        #expect(try !FileManager.default.contentsOfDirectory(atPath: ws.dir.file("out")).contains { $0.contains(".tmp") })
    }

    @Test func onceWhileTheDaemonRunsExits75AndWritesNothing() throws {
        let ws = Workspace()
        let daemon = try ws.start()
        #expect(daemon.waitForLog("ready:"))
        let before = try Data(contentsOf: URL(fileURLWithPath: ws.dir.file("out/atom.xml")))
        ws.dir.write("seeds/000_aaaaaaaaaaaaaaaa.txt~", "editor backup, ignored")
        let once = try FeeddProcess.run(["--once", "--config", ws.dir.file("feedd.toml")], in: ws.dir.path)
        #expect(once.status == 75)
        #expect(once.stderr.contains("holds the lock"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: ws.dir.file("out/atom.xml"))) == before)
        // `feedd status` reads the store while the daemon holds the lock.
        let status = try FeeddProcess.run(["status", "--config", ws.dir.file("feedd.toml")], in: ws.dir.path)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("articles: 0 entries"))
        #expect(daemon.terminate() == 0)
    }

    @Test func missingSeedsDirectoryIsWaitedFor() throws {
        let ws = Workspace(createSeeds: false)
        let daemon = try ws.start()
        #expect(daemon.waitForLog("ready:"))
        #expect(daemon.isRunning)
        try FileManager.default.createDirectory(atPath: ws.seeds, withIntermediateDirectories: true)
        ws.dir.write("seeds/000_aaaaaaaaaaaaaaaa.txt", Self.article("Arrived later"))
        #expect(daemon.wait(timeout: 5) { ws.atomText().contains("Arrived later") }, "\(daemon.output)")
        #expect(daemon.terminate() == 0)
    }
}
