@testable import FeedDaemon
import FeedIO
import Foundation
import Testing

@Suite struct StatusSnapshotTests {
    /// One source as the store may know it, and the state and health `feedd status` gives it.
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var enabled = true
        var fetched = true
        var failures = 0
        var gone = false
        var state: StatusSnapshot.State

        var testDescription: String { label }

        var source: StatusSnapshot.Source {
            var record = SourceRecord(url: "https://example.org/feed", name: "Example")
            record.lastFetch = fetched ? Date(timeIntervalSince1970: 1_000) : nil
            record.failures = failures
            record.gone = gone
            return StatusSnapshot.Source(name: "Example", url: record.url, enabled: enabled, record: record, entries: 0)
        }
    }

    @Test(arguments: [
        Case(label: "fetched", state: .ok),
        Case(label: "row, never fetched", fetched: false, state: .neverFetched),
        Case(label: "one failure", failures: 1, state: .failing),
        Case(label: "gone", gone: true, state: .gone),
        Case(label: "gone after failures", failures: 3, gone: true, state: .gone),
        Case(label: "disabled after failures", enabled: false, failures: 2, state: .disabled),
        Case(label: "disabled and gone", enabled: false, gone: true, state: .disabled),
    ])
    func stateAndHealth(_ c: Case) {
        #expect(c.source.state == c.state)
        let snapshot = Self.snapshot(sources: [c.source])
        #expect(snapshot.healthy == !(c.state == .failing || c.state == .gone))
    }

    @Test func noRowMeansNeverFetched() {
        #expect(StatusSnapshot.Source(name: "n", url: "u", enabled: true, record: nil, entries: 0).state == .neverFetched)
    }

    @Test func sourcesOutsideTheConfigurationAndRejectedFilesNeverMakeItUnhealthy() {
        var failing = Case(label: "", failures: 4, state: .failing).source
        failing.url = "https://elsewhere.example/feed"
        var snapshot = Self.snapshot(sources: [Case(label: "", state: .ok).source])
        snapshot.otherSources = [failing]
        snapshot.articles.rejected = [ArticleFileRecord(name: "001.txt", size: 0, modifiedNanoseconds: 0, entryID: nil, error: "empty")]
        #expect(snapshot.healthy)
        let object = try? JSONSerialization.jsonObject(with: Data(StatusReport.json(snapshot).utf8)) as? [String: Any]
        #expect(object?["healthy"] as? Bool == true)
        #expect((object?["other_sources"] as? [[String: Any]])?.first?["state"] as? String == "failing")
    }

    /// Messages from servers and names from files reach the JSON as they are, quoted, never breaking it.
    @Test func hostileTextStaysInsideItsStrings() throws {
        var source = Case(label: "", failures: 1, state: .failing).source
        let message = "HTTP 500: \"}], \"healthy\": true, x\u{0}\u{1B}[31m\n\\ \u{2028} é"
        source.record?.lastError = message
        source.record?.lastErrorStage = "FETCH"
        source.name = "Name \"with\" quotes\ttab"
        var snapshot = Self.snapshot(sources: [source])
        snapshot.articles.rejected = [ArticleFileRecord(name: "a\nb\".txt", size: 0, modifiedNanoseconds: 0, entryID: nil, error: message)]
        let json = StatusReport.json(snapshot)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["healthy"] as? Bool == false)
        let parsed = try #require((object["sources"] as? [[String: Any]])?.first)
        #expect(parsed["name"] as? String == source.name)
        #expect((parsed["last_error"] as? [String: String]) == ["stage": "FETCH", "message": message])
        let rejected = try #require(((object["articles"] as? [String: Any])?["rejected"] as? [[String: String]])?.first)
        #expect(rejected == ["file": "a\nb\".txt", "reason": message])
    }

    /// The keys come in the documented order, whatever the values.
    @Test func keysInTheDocumentedOrder() {
        let json = StatusReport.json(Self.snapshot(sources: [Case(label: "", state: .ok).source]))
        let keys = json.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.first == "\"", let end = trimmed.dropFirst().firstIndex(of: "\"") else { return nil }
            return String(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
        }
        #expect(keys == [
            "version", "feedd_version", "generated", "healthy", "store", "path", "exists",
            "articles", "directory", "entries", "files", "last_pass", "rejected",
            "sources", "name", "url", "state", "moved_to", "last_fetch", "last_success", "http_status", "validators",
            "etag", "last_modified", "next_poll", "consecutive_failures", "entries", "last_error", "other_sources",
            "instances",
        ])
    }

    static func snapshot(sources: [StatusSnapshot.Source]) -> StatusSnapshot {
        StatusSnapshot(
            generated: Date(timeIntervalSince1970: 2_000), storePath: "/state/feedd.sqlite", storeExists: true,
            articles: StatusSnapshot.Articles(directory: "/seeds", entries: 0, files: 0, lastPass: nil, rejected: []),
            sources: sources, otherSources: []
        )
    }
}
