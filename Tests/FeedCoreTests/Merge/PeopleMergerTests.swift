import FeedCore
import Testing

@Suite struct PeopleMergerTests {
    @Test func theSamePersonNamedTwiceIsOneAuthor() {
        let merged = PeopleMerger.merged([
            Author(name: "Mira Holt"),
            Author(name: "mira holt ", email: "mira@example.com"),
            Author(name: "Ben Okafor"),
            Author(email: "MIRA@example.com", uri: "https://example.com/mira"),
        ])
        #expect(merged == [
            Author(name: "Mira Holt", email: "mira@example.com", uri: "https://example.com/mira"),
            Author(name: "Ben Okafor"),
        ])
    }

    @Test func differentPeopleStayApart() {
        let authors = [
            Author(name: "Sam", email: "sam@example.com"),
            Author(name: "Sam", email: "other-sam@example.com"),
            Author(name: "Lou", email: "sam@example.com"),
            Author(uri: "https://example.com/x"),
            Author(uri: "https://example.com/x"),
        ]
        #expect(PeopleMerger.merged(authors) == authors)
    }
}
