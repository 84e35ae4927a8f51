import FeedCore
import Testing

/// Sanitising from many tasks at once gives the same results as one after another (libxml2 is
/// used per call, the nesting cache is locked).
@Suite struct SanitizerConcurrencyTests {
    @Test func parallelResultsEqualSerialResults() async {
        var generator = HostileHTMLGenerator(seed: 42)
        let inputs = (0..<200).map { _ in generator.fragment() }
        let sanitizer = HTMLSanitizer(policy: SanitizerPolicy(allowedIframeHosts: ["video.example.com"]))
        let serial = inputs.map { sanitizer.sanitize($0, baseURL: "https://example.org/") }
        let parallel = await withTaskGroup(of: (Int, String).self) { group in
            for (index, input) in inputs.enumerated() {
                group.addTask { (index, sanitizer.sanitize(input, baseURL: "https://example.org/")) }
            }
            var results = [String](repeating: "", count: inputs.count)
            for await (index, output) in group { results[index] = output }
            return results
        }
        #expect(parallel == serial)
    }
}
