import FeedCore
import FeeddTestSupport
import Foundation
import Testing

/// A source behind basic auth and an API-key header, polled by the real binary from a real server on
/// 127.0.0.1: the secrets reach the server and nothing else (log, outputs, status, OPML, the store).
@Suite(.serialized) struct SourceAccessEndToEndTests {
    static let password = "pw-Zq81-unique"
    static let apiKey = "key-Hh42-unique"

    @Test func aSourceBehindALoginIsPolledAndItsSecretsAppearNowhereElse() throws {
        let expected = "Basic " + Data("member:\(Self.password)".utf8).base64EncodedString()
        let server = try TestHTTPServer { request in
            guard request.header("authorization") == expected, request.header("x-api-key") == Self.apiKey else {
                return .respond(status: 401, headers: ["www-authenticate": "Basic realm=\"members\""])
            }
            return .respond(status: 200, headers: ["etag": "\"m1\""], body: PollingEndToEndTests.feed)
        }
        defer { server.shutdown() }
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("seeds"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.file("secrets"), withIntermediateDirectories: true)
        dir.write("secrets/members.password", Self.password + "\n")
        dir.write("feedd.toml", """
            [feed]
            tag_authority = "test.example,2026"
            [paths]
            seeds = "seeds"
            output = "out"
            state = "state"
            [[source]]
            name = "Members"
            url = "\(server.baseURL)/members.xml"
            headers = { "X-Api-Key" = "\(Self.apiKey)" }
            username = "member"
            password_file = "secrets/members.password"
            user_agent = "members-reader/1"
            """)
        let config = dir.file("feedd.toml")

        let check = try FeeddProcess.run(["check", "--config", config], in: dir.path)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("\"X-Api-Key\" = (redacted)"), "\(check.stdout)")
        #expect(check.stdout.contains("username = \"member\""))

        let once = try FeeddProcess.run(["--once", "--log-level", "trace", "--config", config], in: dir.path)
        #expect(once.status == 0, "\(once.stderr)")
        #expect(once.stderr.contains("1 fetched"), "\(once.stderr)")
        let request = try #require(server.requests.last)
        #expect(request.header("user-agent") == "members-reader/1")
        let atom = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir.file("out/atom.xml"))), as: UTF8.self)
        #expect(atom.contains("Bridge reopens"), "the polled entry is published")

        let status = try FeeddProcess.run(["status", "--config", config], in: dir.path)
        let inspect = try FeeddProcess.run(["inspect", "--json", "\(server.baseURL)/members.xml", "--config", config], in: dir.path)
        #expect(inspect.status == 0, "inspect fetches a configured source as polling does: \(inspect.stderr)")

        // Everything feedd wrote or printed, and every file it left, is searched for the secrets.
        var texts = [("check", check.stdout + check.stderr), ("once", once.stdout + once.stderr),
                     ("status", status.stdout + status.stderr), ("inspect", inspect.stdout + inspect.stderr)]
        for directory in ["out", "state"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.file(directory)) {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: dir.file("\(directory)/\(name)")))
                texts.append(("\(directory)/\(name)", String(decoding: bytes, as: UTF8.self)))
            }
        }
        #expect(texts.contains { $0.0 == "out/feeds.opml" })
        let encoded = Data("member:\(Self.password)".utf8).base64EncodedString()
        for (name, text) in texts {
            for secret in [Self.password, Self.apiKey, encoded] {
                #expect(!text.contains(secret), "\(name) holds a secret")
            }
        }
    }

    @Test func aWrongPasswordIsA401ThatNamesNoSecret() throws {
        let server = try TestHTTPServer { _ in .respond(status: 401) }
        defer { server.shutdown() }
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("seeds"), withIntermediateDirectories: true)
        dir.write("pw", "wrong-Zz90\n")
        dir.write("feedd.toml", """
            [paths]
            seeds = "seeds"
            output = "out"
            state = "state"
            [[source]]
            name = "Members"
            url = "\(server.baseURL)/members.xml"
            username = "member"
            password_file = "pw"
            """)
        let once = try FeeddProcess.run(["--once", "--config", dir.file("feedd.toml")], in: dir.path)
        #expect(once.stderr.contains("HTTP 401"), "\(once.stderr)")
        #expect(!once.stderr.contains("wrong-Zz90"))
    }
}
