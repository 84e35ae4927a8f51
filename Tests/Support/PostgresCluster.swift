import Foundation
import Synchronization

/// A throwaway PostgreSQL server for the tests: `initdb` into a temporary directory, `pg_ctl start` on
/// 127.0.0.1 and a free port (its socket in the same directory), stopped and deleted when the test process
/// exits. One cluster per test process, started on first use; each test takes a database of its own.
///
/// Debian's `postgresql` package provides the server (`.ci/run` installs it); the binaries are found under
/// /usr/lib/postgresql/<version>/bin, or in `FEEDD_PG_BIN`. PostgreSQL refuses to run as root, so as root
/// the cluster runs as the `postgres` user the package creates.
public final class PostgresCluster: Sendable {
    public let port: Int
    public let directory: String
    public let user = "feedd"
    /// A role that must give its password (scram-sha-256), for the tests of where passwords come from.
    public let passwordUser = "feedd_pw"
    public let password = "right-password"
    let bin: String
    let runAs: String?

    /// The process's cluster, started on first use; a failure to start is reported to every caller.
    public static func shared() throws -> PostgresCluster {
        try started.withLock { state in
            if let state { return try state.get() }
            let result = Result { try PostgresCluster() }
            state = result
            if case .success = result { atexit { PostgresCluster.stopShared() } }
            return try result.get()
        }
    }

    private static let started = Mutex<Result<PostgresCluster, any Error>?>(nil)

    private static func stopShared() {
        if case let .success(cluster)? = started.withLock({ $0 }) { cluster.stop() }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    init() throws {
        guard let bin = Self.binDirectory() else {
            throw Failure(description: "no PostgreSQL server binaries (initdb, pg_ctl): install Debian's postgresql, or set FEEDD_PG_BIN")
        }
        self.bin = bin
        runAs = getuid() == 0 ? "postgres" : nil
        directory = "/tmp/feedd-pg-" + UUID().uuidString.prefix(8).lowercased()
        port = try Self.freePort()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        if let runAs { try Self.run("/bin/chown", [runAs, directory]) }
        try run("initdb", ["-D", directory + "/data", "-U", user, "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"])
        // Every role is trusted on loopback but `passwordUser`, which must give its password.
        let hba = "local all all trust\nhost all \(passwordUser) 127.0.0.1/32 scram-sha-256\nhost all all 127.0.0.1/32 trust\n"
        try hba.write(toFile: directory + "/data/pg_hba.conf", atomically: false, encoding: .utf8)
        let options = "-c listen_addresses=127.0.0.1 -p \(port) -c unix_socket_directories=\(directory) -c fsync=off "
            + "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        try run("pg_ctl", ["-D", directory + "/data", "-o", options, "-l", directory + "/server.log", "-w", "-t", "60", "start"])
        try psql("postgres", "CREATE ROLE \(passwordUser) LOGIN PASSWORD '\(password)'")
    }

    /// A new empty database (owned by `owner`, else the cluster's superuser); its name.
    public func createDatabase(owner: String? = nil) throws -> String {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try psql("postgres", "CREATE DATABASE \(name)" + (owner.map { " OWNER \($0)" } ?? ""))
        return name
    }

    /// Runs SQL in `database` with psql; its output (unaligned, tuples only).
    @discardableResult
    public func psql(_ database: String, _ sql: String) throws -> String {
        try run("psql", ["-h", "127.0.0.1", "-p", "\(port)", "-U", user, "-d", database, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql])
    }

    /// The URL of `database` (no password: the cluster trusts loopback).
    public func url(_ database: String) -> String {
        "postgresql://\(user)@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    public func stop() {
        _ = try? run("pg_ctl", ["-D", directory + "/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    @discardableResult
    func run(_ tool: String, _ arguments: [String]) throws -> String {
        if let runAs {
            try Self.run("/usr/sbin/runuser", ["-u", runAs, "--", bin + "/" + tool] + arguments)
        } else {
            try Self.run(bin + "/" + tool, arguments)
        }
    }

    /// Runs `executable` to its end, its output in a file; throws with that output when it fails.
    ///
    /// Spawned and reaped here, not through Foundation's `Process`: the server that `pg_ctl start` leaves
    /// running inherits the descriptors `Process` watches for the end of its child, which then never comes.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let outputPath = NSTemporaryDirectory() + "feedd-pg-output-" + UUID().uuidString
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of this process goes to the child, nor to the server `pg_ctl start` leaves running:
        // a pipe another test is reading would otherwise never see its end while the server lives.
        // (glibc 2.34's posix_spawn_file_actions_addclosefrom_np, which the Glibc module does not declare.)
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            throw Failure(description: "glibc lacks posix_spawn_file_actions_addclosefrom_np (2.34 or newer is needed)")
        }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure(description: "cannot start \(executable): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // Exited normally with status 0 (the wait status' low byte 0, the exit code in the next).
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) failed (wait status \(status)): \(text)")
        }
        return text
    }

    static func binDirectory() -> String? {
        if let given = ProcessInfo.processInfo.environment["FEEDD_PG_BIN"] { return given }
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        for version in versions.reversed() where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/initdb") {
            return "\(root)/\(version)/bin"
        }
        return nil
    }

    /// A port nothing listens on now, from the kernel (bound on 127.0.0.1 and closed again).
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "bind: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
