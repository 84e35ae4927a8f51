import Foundation
import FeedCore
import Testing

@Suite struct AddressScopeTests {
    @Test(arguments: [
        ("127.0.0.1", AddressScope.loopback), ("127.1.2.3", .loopback), ("::1", .loopback), ("[::1]", .loopback),
        ("10.0.0.8", .privateNetwork), ("172.16.0.1", .privateNetwork), ("172.31.255.255", .privateNetwork),
        ("192.168.1.1", .privateNetwork), ("100.64.0.1", .privateNetwork), ("fd12:3456::1", .privateNetwork),
        ("169.254.169.254", .linkLocal), ("fe80::1%eth0", .linkLocal),
        ("0.0.0.0", .unspecified), ("::", .unspecified),
        ("::ffff:127.0.0.1", .loopback), ("::ffff:10.1.2.3", .privateNetwork),
        ("93.184.216.34", .publicInternet), ("172.32.0.1", .publicInternet), ("2606:4700::1111", .publicInternet),
    ])
    func classifies(address: String, expected: AddressScope) {
        #expect(AddressScope.of(address) == expected)
    }

    @Test(arguments: ["example.org", "256.1.1.1", "1.2.3", "1:2:3:4:5:6:7:8:9", "1::2::3", "", "01234::"])
    func notAnAddress(text: String) {
        #expect(AddressScope.of(text) == nil)
    }
}

@Suite struct EntryMergerTests {
    func entry(_ id: String, _ link: String?, published: Double, source: String?) -> Entry {
        Entry(id: id, title: id, link: link, published: Date(timeIntervalSince1970: published),
              updated: Date(timeIntervalSince1970: published), source: source.map { SourceFeed(feedURL: $0) })
    }

    @Test func sameLinkAcrossSourcesIsOneEntryAndTheFirstPublishedWins() {
        let merged = EntryMerger.merge([
            entry("b", "https://news.example/story?utm_source=x", published: 200, source: "https://b.example/feed"),
            entry("a", "HTTPS://news.example:443/story#top", published: 100, source: "https://a.example/feed"),
        ], limit: 10)
        #expect(merged.map(\.id) == ["a"])
    }

    @Test func anArticleWinsOverAnExternalCopy() {
        let merged = EntryMerger.merge([
            entry("ext", "https://news.example/story", published: 100, source: "https://a.example/feed"),
            entry("art", "https://news.example/story", published: 300, source: nil),
        ], limit: 10)
        #expect(merged.map(\.id) == ["art"])
    }

    @Test func sameLinkWithinOneSourceStaysTwoEntries() {
        let merged = EntryMerger.merge([
            entry("x2", "https://news.example/story", published: 200, source: nil),
            entry("x1", "https://news.example/story", published: 100, source: nil),
        ], limit: 10)
        #expect(merged.map(\.id) == ["x2", "x1"])
    }

    @Test func sameIDIsOneEntryAndTheCapHolds() {
        let merged = EntryMerger.merge([
            entry("dup", nil, published: 300, source: "https://b.example/feed"),
            entry("dup", nil, published: 200, source: "https://a.example/feed"),
            entry("c", nil, published: 100, source: nil),
            entry("d", nil, published: 50, source: nil),
        ], limit: 2)
        #expect(merged.map(\.id) == ["dup", "c"])
        #expect(merged.first?.source?.feedURL == "https://a.example/feed")
    }
}
