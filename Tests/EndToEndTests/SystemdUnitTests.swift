import Foundation
import Testing

/// The unit files in `systemd/`: `systemd-analyze verify` accepts them without a single warning, and they
/// carry what the daemon relies on (Type=notify, the watchdog, the sandbox) with paths that agree.
@Suite struct SystemdUnitTests {
    static let units = ["feedd.service", "feedd@.service", "feedd-once.service", "feedd-once.timer"]

    @Test(
        .enabled(if: SystemdUnit.analyzer != nil, "systemd-analyze is not installed (apt-get install systemd)"),
        arguments: units)
    func systemdAnalyzeVerifyIsSilent(unit: String) throws {
        let analyzer = try #require(SystemdUnit.analyzer)
        let binary = FeeddProcess.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build feedd first: \(binary)")
        // verify insists that ExecStart's binary exists: point it at the one just built, in a copy.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("feedd-units-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in Self.units {
            let text = try SystemdUnit.text(name).replacingOccurrences(of: "/usr/bin/feedd", with: binary)
            try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        }

        let result = try SystemdUnit.run(analyzer, ["verify", dir + "/" + unit], in: dir)

        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.isEmpty, "verify warns (it exits 0 on unknown keys and bad values):\n\(result.output)")
    }

    @Test func daemonUnitCarriesTheRequiredDirectives() throws {
        let unit = try SystemdUnit("feedd.service")
        let expected: [String: String] = [
            "Type": "notify", "NotifyAccess": "main", "Restart": "on-failure", "StateDirectory": "feedd",
            "ConfigurationDirectory": "feedd", "ProtectSystem": "strict", "ProtectHome": "yes", "PrivateTmp": "yes",
            "NoNewPrivileges": "yes", "RestrictAddressFamilies": "AF_INET AF_INET6 AF_UNIX",
            "MemoryDenyWriteExecute": "yes", "SystemCallArchitectures": "native",
        ]
        for (key, value) in expected {
            #expect(unit.values("Service", key) == [value], "\(key)")
        }
        #expect(unit.values("Service", "SystemCallFilter").contains("@system-service"))
        #expect(unit.values("Service", "ExecReload") == ["/bin/kill -HUP $MAINPID"])
        #expect(unit.values("Service", "WatchdogSec").count == 1)
        #expect(unit.values("Service", "User").first != nil || unit.values("Service", "DynamicUser") == ["yes"])
        #expect(unit.values("Install", "WantedBy") == ["multi-user.target"])

        let command = try #require(unit.values("Service", "ExecStart").first).split(separator: " ").map(String.init)
        #expect(command.first == "/usr/bin/feedd")
        #expect(!command.contains("--once"))
        #expect(SystemdUnit.option("--config", in: command) == "/etc/feedd/feedd.toml")
        #expect(SystemdUnit.option("--state", in: command) == "/var/lib/feedd")
        let output = try #require(SystemdUnit.option("--output", in: command))
        #expect(unit.values("Service", "ReadWritePaths").contains(output), "the output directory must be writable")
    }

    @Test func onceServiceAndTimerAreTheCronStyleAlternative() throws {
        let once = try SystemdUnit("feedd-once.service")
        #expect(once.values("Service", "Type") == ["oneshot"])
        let command = try #require(once.values("Service", "ExecStart").first).split(separator: " ").map(String.init)
        #expect(command.first == "/usr/bin/feedd")
        #expect(command.contains("--once"))

        let timer = try SystemdUnit("feedd-once.timer")
        #expect(timer.values("Timer", "OnCalendar") == ["*:0/10"])
        #expect(timer.values("Timer", "RandomizedDelaySec").count == 1)
        #expect(timer.values("Timer", "Persistent") == ["true"])
        #expect(timer.values("Timer", "Unit") == ["feedd-once.service"])
        #expect(timer.values("Install", "WantedBy") == ["timers.target"])
    }

    @Test func bothServicesShareCommandPathsAndSandbox() throws {
        let daemon = try SystemdUnit("feedd.service")
        let once = try SystemdUnit("feedd-once.service")
        let daemonOnly: Set = ["Type", "NotifyAccess", "ExecStart", "ExecReload", "WatchdogSec", "Restart", "RestartSec",
                               "TimeoutStartSec", "TimeoutStopSec"]
        #expect(daemon.service(excluding: daemonOnly) == once.service(excluding: daemonOnly))
        let daemonCommand = try #require(daemon.values("Service", "ExecStart").first)
        let onceCommand = try #require(once.values("Service", "ExecStart").first)
        #expect(onceCommand.replacingOccurrences(of: " --once --wait", with: "") == daemonCommand)
    }

    @Test func sysusersAndTmpfilesMatchTheUnit() throws {
        let unit = try SystemdUnit("feedd.service")
        let user = try #require(unit.values("Service", "User").first)
        let command = try #require(unit.values("Service", "ExecStart").first).split(separator: " ").map(String.init)
        let sysusers = try SystemdUnit.text("feedd.sysusers").split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(sysusers.contains { $0.split(separator: " ").prefix(2) == ["u", Substring(user)] })
        let created = try SystemdUnit.text("feedd.tmpfiles").split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        for option in ["--seeds", "--output"] {
            let path = try #require(SystemdUnit.option(option, in: command))
            #expect(created.contains { $0.count >= 2 && $0[0] == "d" && $0[1] == path }, "tmpfiles creates \(path)")
        }
        let output = try #require(SystemdUnit.option("--output", in: command))
        #expect(created.contains { $0.count >= 4 && $0[1] == output && $0[3] == user }, "\(output) belongs to \(user)")
        let state = try #require(SystemdUnit.option("--state", in: command))
        let mode = try #require(unit.values("Service", "StateDirectoryMode").first)
        #expect(created.contains { $0.count >= 5 && $0[1] == state && $0[2] == mode && $0[3] == user && $0[4] == user },
                "tmpfiles creates \(state) as StateDirectory= would (for runs outside the unit)")
    }
}

/// A unit file from `systemd/`, read into (section, key, value) triples as systemd does (comments and blank lines
/// dropped; no line continuations are used in ours).
struct SystemdUnit {
    var entries: [(section: String, key: String, value: String)] = []

    init(_ name: String) throws {
        var section = ""
        for raw in try Self.text(name).split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                section = String(line.dropFirst().dropLast())
            } else if let equals = line.firstIndex(of: "=") {
                entries.append((section, String(line[..<equals]), String(line[line.index(after: equals)...])))
            }
        }
    }

    func values(_ section: String, _ key: String) -> [String] {
        entries.filter { $0.section == section && $0.key == key }.map(\.value)
    }

    /// The [Service] lines other than `excluded` keys, as `key=value` in order.
    func service(excluding excluded: Set<String>) -> [String] {
        entries.filter { $0.section == "Service" && !excluded.contains($0.key) }.map { "\($0.key)=\($0.value)" }
    }

    static func option(_ name: String, in command: [String]) -> String? {
        guard let index = command.firstIndex(of: name), index + 1 < command.count else { return nil }
        return command[index + 1]
    }

    static func text(_ name: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("systemd/" + name), encoding: .utf8)
    }

    static let analyzer: String? = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Runs `tool` and returns its status with stdout and stderr together.
    static func run(_ tool: String, _ arguments: [String], in directory: String) throws -> (status: Int32, output: String) {
        try ToolProcess.run(tool, arguments, in: directory)
    }
}
