import Foundation
import FeedXML
import Testing

@Suite struct RelaxNGValidatorTests {
    /// Tests/Fixtures/schemas/atom.rng, found from this source file.
    static let atomSchema: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("Tests/Fixtures/schemas/atom.rng").path
    }()

    static func atom(_ body: String) -> [UInt8] {
        Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            \(body)
            </feed>
            """.utf8)
    }

    static let validFeedBody = """
        <id>urn:example:feed</id><title>T</title><updated>2024-02-29T12:00:00Z</updated>
        <author><name>A</name></author>
        <entry><id>urn:example:1</id><title>E</title><updated>2024-02-29T12:00:00Z</updated>
          <link href="http://example.org/1"/></entry>
        """

    @Test func acceptsAValidAtomFeed() {
        #expect(RelaxNGValidator.validate(Self.atom(Self.validFeedBody), schemaPath: Self.atomSchema) == [])
    }

    @Test(arguments: [
        ("no id", "<title>T</title><updated>2024-02-29T12:00:00Z</updated>"),
        ("bad date", "<id>urn:x</id><title>T</title><updated>29 Feb 2024</updated>"),
        ("unknown Atom element", Self.validFeedBody + "<colour>red</colour>"),
        ("bad language tag", Self.validFeedBody.replacingOccurrences(of: "<entry>", with: "<entry xml:lang=\"fr_FR\">")),
        ("link without href", Self.validFeedBody.replacingOccurrences(of: #"href="http://example.org/1""#, with: "")),
    ])
    func rejectsAnInvalidAtomFeed(name: String, body: String) {
        let errors = RelaxNGValidator.validate(Self.atom(body), schemaPath: Self.atomSchema)
        #expect(!errors.isEmpty, "\(name) was accepted")
    }

    @Test func reportsADocumentThatIsNotWellFormed() {
        let errors = RelaxNGValidator.validate(Array("<feed><id>".utf8), schemaPath: Self.atomSchema)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("document is not well-formed XML") == true)
    }

    @Test func reportsAMissingGrammar() {
        let errors = RelaxNGValidator.validate(Self.atom(Self.validFeedBody), schemaPath: "/nonexistent/atom.rng")
        #expect(errors.first?.contains("/nonexistent/atom.rng") == true)
    }
}
