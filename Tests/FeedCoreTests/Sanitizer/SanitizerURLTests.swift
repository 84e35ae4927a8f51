import FeedCore
import Testing

/// URL handling that the one-line fixture headers cannot express.
@Suite struct SanitizerURLTests {
    @Test func srcsetCandidatesResolvedAgainstABaseWithASpaceStayWhole() {
        let output = HTMLSanitizer().sanitize(#"<img src="a.png" srcset="a-2x.png 2x">"#, baseURL: "https://example.org/my dir/")
        #expect(output == #"<img src="https://example.org/my%20dir/a.png" srcset="https://example.org/my%20dir/a-2x.png 2x">"#)
        #expect(HTMLSanitizer().sanitize(output, baseURL: "https://example.org/my dir/") == output)
    }

    @Test func iframeHostsAreComparedWithoutCase() {
        var policy = SanitizerPolicy()
        policy.allowedIframeHosts = ["Player.Example.COM"]
        let output = HTMLSanitizer(policy: policy).sanitize(#"<iframe src="https://PLAYER.example.com/v/1"></iframe>"#, baseURL: nil)
        #expect(output == #"<iframe src="https://PLAYER.example.com/v/1" sandbox="allow-scripts allow-same-origin allow-popups"></iframe>"#)
    }

    /// A combining mark after the scheme's colon joins it into one character; the scheme is still seen.
    @Test(arguments: [nil, "https://example.org/feed/"])
    func schemeFollowedByACombiningMarkIsSeen(base: String?) {
        let sanitizer = HTMLSanitizer()
        #expect(sanitizer.sanitize(#"<a href="javascript:&#x301;alert(1)">x</a>"#, baseURL: base) == "x")
        #expect(sanitizer.sanitize(#"<img src="javascript:&#x301;x" alt="i">"#, baseURL: base) == "")
        #expect(sanitizer.sanitize("<a href=\"JavaScript:\u{301}\u{302}alert(1)\">y</a>", baseURL: base) == "y")
    }

    @Test(arguments: [
        "data:image/gif;base64,R0lGODlhAQABAAAAACw=", "data:image/jpeg;base64,/9j/4AAQ", "data:image/webp;base64,UklGRg==",
        "DATA:IMAGE/PNG;BASE64,iVBORw0KGgo=",
    ])
    func dataImagesKept(_ source: String) {
        let html = #"<img src="\#(source)" alt="i">"#
        #expect(HTMLSanitizer().sanitize(html, baseURL: "https://example.org/") == html)
    }

    @Test(arguments: [
        "data:image/png;base64,iVBOR w0KGgo=", "data:image/png,rawbytes", "data:image/png;base64,<svg>",
        "data:image/svg+xml;base64,PHN2Zz4=", "data:;base64,iVBORw0KGgo=",
    ])
    func otherDataURLsDropped(_ source: String) {
        #expect(HTMLSanitizer().sanitize(#"<img src="\#(source)" alt="i">"#, baseURL: nil) == "")
    }
}
