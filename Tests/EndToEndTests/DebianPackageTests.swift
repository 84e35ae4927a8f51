import FeeddTestSupport
import Foundation
import Testing

/// `packaging/build-deb --binary` of the debug build (built once, gzip -1): what the package holds, what
/// lintian says of it, and, as root on a machine without feedd, its whole life: install, `feedd check` and
/// `feedd --once` as the feedd user against the installed configuration, an upgrade that keeps an edited
/// configuration, remove, and a purge that leaves the file system as it found it.
///
/// The suite runs only when asked with `FEEDD_PACKAGE_TESTS=1`, which `.ci/run` sets in a run of its own
/// after the rest: the install test changes the machine (/etc/feedd, a user, /usr/bin/feedd), which tests
/// beside it would see (a feedd run without `--config` reads /etc/feedd/feedd.toml), and building and
/// checking a package is CPU the suite's deadline tests need. Its tools run niced all the same.
@Suite(
    .enabled(if: ProcessInfo.processInfo.environment["FEEDD_PACKAGE_TESTS"] == "1", "run alone with FEEDD_PACKAGE_TESTS=1 (.ci/run does)"),
    .enabled(if: DebianPackage.tools, "dpkg-deb, dpkg-shlibdeps, make or strip missing (apt-get install dpkg-dev make binutils)")
)
struct DebianPackageTests {
    @Test func packageHoldsTheLayout() throws {
        let package = try DebianPackage.first.get()
        let files = try DebianPackage.tool("dpkg-deb", ["-c", package.path]).split(separator: "\n")
            .compactMap { $0.split(separator: " ", omittingEmptySubsequences: true).last.map { String($0.dropFirst()) } }
        let expected = [
            "/usr/bin/feedd", "/etc/feedd/feedd.toml", "/lib/systemd/system/feedd.service", "/lib/systemd/system/feedd@.service",
            "/lib/systemd/system/feedd-once.service", "/lib/systemd/system/feedd-once.timer",
            "/usr/lib/sysusers.d/feedd.conf", "/usr/lib/tmpfiles.d/feedd.conf",
            "/usr/share/man/man1/feedd.1.gz", "/usr/share/man/man5/feedd.toml.5.gz",
            "/usr/share/bash-completion/completions/feedd", "/usr/share/zsh/vendor-completions/_feedd",
            "/usr/share/fish/vendor_completions.d/feedd.fish", "/usr/share/doc/feedd/copyright",
            "/usr/share/doc/feedd/changelog.Debian.gz",
        ]
        for path in expected {
            #expect(files.contains(path), "\(path) is not in the package")
        }
        #expect(try DebianPackage.tool("dpkg-deb", ["-f", package.path, "Version"]) == "\(package.upstream)-1\n")
        let depends = try DebianPackage.tool("dpkg-deb", ["-f", package.path, "Depends"])
        for library in ["libc6", "libxml2", "libsqlite3-0"] {
            #expect(depends.contains(library), "Depends: \(depends)")
        }
        let control = try DebianPackage.tool("dpkg-deb", ["-I", package.path, "conffiles"])
        #expect(control == "/etc/feedd/feedd.toml\n")

        let tree = TemporaryDirectory()
        _ = try DebianPackage.tool("dpkg-deb", ["-x", package.path, tree.path])
        for unit in ["feedd.service", "feedd-once.service"] {
            let text = try String(contentsOfFile: tree.path + "/lib/systemd/system/" + unit, encoding: .utf8)
            #expect(text.contains("\nExecStart=/usr/bin/feedd "), "\(unit) runs the packaged binary")
        }
        let completions = [
            ("/usr/share/bash-completion/completions/feedd", "complete -o filenames -F _feedd feedd"),
            ("/usr/share/zsh/vendor-completions/_feedd", "#compdef feedd"),
            ("/usr/share/fish/vendor_completions.d/feedd.fish", "complete -c 'feedd'"),
        ]
        for (path, marker) in completions {
            let text = try String(contentsOfFile: tree.path + path, encoding: .utf8)
            #expect(text.contains(marker), "\(path) lacks \(marker)")
            #expect(text.contains("inspect") && text.contains("log-level"), "\(path) completes commands and options")
        }
        // The packaged pages, compressed, read as `man` reads them (what lintian checks too).
        for page in ["/usr/share/man/man1/feedd.1.gz", "/usr/share/man/man5/feedd.toml.5.gz"] where Tools.exists("man") {
            let warnings = try ToolProcess.run("/bin/sh", [
                "-c", "LC_ALL=C.UTF-8 man --warnings -E UTF-8 -l -Tutf8 -Z \"$1\" >/dev/null", "sh", tree.path + page,
            ])
            #expect(warnings.status == 0 && warnings.output.isEmpty, "\(page): \(warnings.output)")
        }
        let configuration = try FeeddProcess.run(["check", "--config", tree.path + "/etc/feedd/feedd.toml"], in: tree.path)
        #expect(configuration.status == 0, "\(configuration.stderr)")
        #expect(configuration.stdout.contains("seeds = \"/srv/feedd/seeds\""), "\(configuration.stdout)")
        #expect(configuration.stdout.contains("state = \"/var/lib/feedd\""), "\(configuration.stdout)")
        #expect(!configuration.stdout.contains("[[source]]"), "the bundled sample source is left out")
    }

    /// Lintian's errors, but one: the debug build links the toolchain's libraries by RUNPATH, which a
    /// release build (static runtime) does not.
    @Test(.enabled(if: Tools.exists("lintian"), "lintian is not installed (apt-get install lintian)"))
    func lintianReportsNoError() throws {
        let package = try DebianPackage.first.get()
        let result = try ToolProcess.run("/usr/bin/nice", ["-n", "10", "lintian", "--allow-root", "--fail-on", "none", package.path])
        try #require(result.status == 0, "lintian did not run: \(result.output)")
        let errors = result.output.split(separator: "\n").filter { $0.hasPrefix("E:") }
        let unexpected = errors.filter { !($0.contains("custom-library-search-path") && $0.contains("swift")) }
        #expect(unexpected.isEmpty, "\(result.output)")
    }

    @Test(.enabled(if: DebianPackage.mayInstall, "needs root, dpkg and a machine without a feedd package or user"))
    func installRunUpgradeRemoveAndPurge() throws {
        let first = try DebianPackage.first.get()
        let before = try DebianPackage.snapshot()

        let article = "/srv/feedd/seeds/000_5eed0f0e5eed0f0e.txt"
        // Whatever fails, the machine is left without feedd (else the next run would skip this test).
        defer {
            try? FileManager.default.removeItem(atPath: article)
            _ = try? ToolProcess.run("/usr/bin/env", ["dpkg", "--purge", "feedd"], in: "/")
        }
        try DebianPackage.dpkg(["-i", first.path])
        #expect(try DebianPackage.tool("getent", ["passwd", "feedd"]).hasPrefix("feedd:"))
        #expect(FileManager.default.fileExists(atPath: "/etc/feedd/feedd.toml"))
        // As the service runs: the feedd user, the configuration found on the search path from /.
        let check = try DebianPackage.asFeedd(["check"])
        #expect(check.status == 0 && check.output.contains("# configuration: /etc/feedd/feedd.toml (valid)"), "\(check.output)")
        try "Harbour lights\n\nThe lamps were lit at dusk.\n\nSource : https://example.org/harbour\n"
            .write(toFile: article, atomically: true, encoding: .utf8)
        let once = try DebianPackage.asFeedd(["--once"])
        #expect(once.status == 0, "\(once.output)")
        let atom = try String(contentsOfFile: "/srv/feedd/feeds/atom.xml", encoding: .utf8)
        #expect(atom.contains("Harbour lights"))
        let store = try FileManager.default.attributesOfItem(atPath: "/var/lib/feedd/feedd.sqlite")
        #expect(store[.ownerAccountName] as? String == "feedd")

        // An administrator's edit survives an upgrade (the configuration is a conffile).
        let installed = try String(contentsOfFile: "/etc/feedd/feedd.toml", encoding: .utf8)
        let edited = installed.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("title = ") ? "title = \"Harbour Town\"" : $0 }.joined(separator: "\n")
        try #require(edited != installed, "the installed configuration sets feed.title")
        try edited.write(toFile: "/etc/feedd/feedd.toml", atomically: true, encoding: .utf8)
        let second = try DebianPackage.build(revision: 2)
        try DebianPackage.dpkg(["-i", second.path])
        #expect(try DebianPackage.tool("dpkg-query", ["-W", "-f", "${Version}", "feedd"]) == "\(second.upstream)-2")
        #expect(try String(contentsOfFile: "/etc/feedd/feedd.toml", encoding: .utf8) == edited)
        #expect(!FileManager.default.fileExists(atPath: "/etc/feedd/feedd.toml.dpkg-dist"))
        let again = try DebianPackage.asFeedd(["--once"])
        #expect(again.status == 0, "\(again.output)")
        #expect(try String(contentsOfFile: "/srv/feedd/feeds/atom.xml", encoding: .utf8).contains("Harbour Town"))

        // Remove keeps the configuration and the data; purge, once the editors' articles are gone, nothing.
        try DebianPackage.dpkg(["-r", "feedd"])
        #expect(!FileManager.default.fileExists(atPath: "/usr/bin/feedd"))
        #expect(FileManager.default.fileExists(atPath: "/etc/feedd/feedd.toml"))
        #expect(FileManager.default.fileExists(atPath: "/var/lib/feedd/feedd.sqlite"))
        try FileManager.default.removeItem(atPath: article)
        try DebianPackage.dpkg(["-P", "feedd"])
        let after = try DebianPackage.snapshot()
        #expect(after.subtracting(before).sorted() == [], "left behind")
        #expect(before.subtracting(after).sorted() == [], "taken away")
    }
}

/// Building, installing and looking at the package.
enum DebianPackage {
    struct Built: Sendable {
        let path: String
        /// `feedd --version`.
        let upstream: String
    }

    struct Failure: Error, Sendable, CustomStringConvertible {
        let description: String
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    /// Under .build, where the next run replaces them.
    static let output = root + "/.build/packaging/tests"

    /// The package of revision 1, built once for every test of the suite.
    static let first: Result<Built, Failure> = Result { () throws(Failure) in try build(revision: 1) }

    static var tools: Bool {
        ["dpkg-deb", "dpkg-shlibdeps", "make", "strip"].allSatisfy(Tools.exists)
    }

    static var mayInstall: Bool {
        guard getuid() == 0, tools, Tools.exists("dpkg"), Tools.exists("runuser") else { return false }
        let installed = try? ToolProcess.run("/usr/bin/env", ["dpkg-query", "-W", "-f", "${Status}", "feedd"])
        let user = try? ToolProcess.run("/usr/bin/env", ["getent", "passwd", "feedd"])
        return installed?.output.contains("installed") != true && user?.status != 0
    }

    static func build(revision: Int) throws(Failure) -> Built {
        let result: (status: Int32, output: String)
        do {
            result = try ToolProcess.run("/usr/bin/nice", ["-n", "10", root + "/packaging/build-deb",
                "--binary", FeeddProcess.binary, "--output", output, "--revision", "\(revision)", "--fast",
            ])
        } catch {
            throw Failure(description: "packaging/build-deb: \(error)")
        }
        guard result.status == 0, let path = result.output.split(separator: "\n").last.map(String.init), path.hasSuffix(".deb") else {
            throw Failure(description: "packaging/build-deb failed (\(result.status)):\n\(result.output)")
        }
        let version = (try? FeeddProcess.run(["--version"], in: "/").stdout) ?? ""
        return Built(path: path, upstream: version.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A tool's output; a non-zero status throws with it.
    @discardableResult
    static func tool(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.standardError
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(name) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func dpkg(_ arguments: [String]) throws {
        let result = try ToolProcess.run("/usr/bin/nice", ["-n", "10", "env", "DEBIAN_FRONTEND=noninteractive", "dpkg"] + arguments, in: "/")
        guard result.status == 0 else { throw Failure(description: "dpkg \(arguments.joined(separator: " ")):\n\(result.output)") }
    }

    /// The installed feedd, run from / as the feedd user.
    static func asFeedd(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try ToolProcess.run("/usr/bin/env", ["runuser", "-u", "feedd", "--", "/usr/bin/feedd"] + arguments, in: "/")
    }

    /// Every path under the directories the package, its scripts and its user touch, with the feedd
    /// account; not the files that any account change leaves (the shadow backups, the lock) nor dpkg's own.
    static func snapshot() throws -> Set<String> {
        let directories = [
            "/etc", "/srv", "/var/lib", "/usr/bin", "/lib/systemd/system", "/usr/lib/sysusers.d", "/usr/lib/tmpfiles.d",
            "/usr/share/man/man1", "/usr/share/man/man5", "/usr/share/doc", "/usr/share/bash-completion",
            "/usr/share/zsh", "/usr/share/fish", "/usr/share/lintian",
        ]
        let accountNoise: Set = ["/etc/passwd-", "/etc/group-", "/etc/shadow-", "/etc/gshadow-", "/etc/.pwd.lock"]
        var paths: Set<String> = []
        for directory in directories where FileManager.default.fileExists(atPath: directory) {
            let listing = try tool("find", [directory, "-path", "/var/lib/dpkg", "-prune", "-o", "-path", "/var/lib/apt", "-prune", "-o", "-print"])
            paths.formUnion(listing.split(separator: "\n").map(String.init).filter { !accountNoise.contains($0) })
        }
        paths.formUnion(try tool("find", ["/var/lib/dpkg/info", "-name", "feedd.*"]).split(separator: "\n").map(String.init))
        for database in ["passwd", "group"] {
            if let entry = try? tool("getent", [database, "feedd"]) { paths.insert("\(database): \(entry)") }
        }
        return paths
    }
}
