import FeedCore
import FeedDaemon
import Foundation

/// The code feedd runs on untrusted bytes, one entry point each, for libFuzzer (`fuzz/run`) and for the
/// tests that replay the corpus and every past finding (`FuzzRegressionTests`).
///
/// Besides not crashing (AddressSanitizer watches memory), each target checks what must hold whatever
/// the input: a published URL is an absolute http(s) URI; sanitised HTML holds no script, event handler
/// or active URL; a configuration either loads or names its error.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case feed, article, dates, sanitizer, url, config

    /// Runs the target on one input; a broken invariant stops the process (libFuzzer saves the input).
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .feed:
            let options = FeedParserOptions(maxBytes: 1 << 20)
            if let feed = try? FeedParser(options: options).parse(bytes, documentURL: "https://fuzz.example/feed", httpCharset: nil) {
                let normalizer = EntryNormalizer(tagAuthority: "fuzz.example,2026")
                var entries: [Entry] = []
                for parsed in feed.entries {
                    let entry = normalizer.normalize(parsed, feed: feed, feedURL: "https://fuzz.example/feed", category: nil,
                                                     firstSeen: Date(timeIntervalSince1970: 0)).entry.publishable
                    Self.checkPublished(entry.link)
                    entry.enclosures.forEach { Self.checkPublished($0.url) }
                    Self.checkSanitised(entry.contentHTML ?? "")
                    entries.append(entry)
                }
                Self.checkPage(entries, feed: feed)
            }
        case .article:
            let name = "000_\(String(format: "%016x", bytes.count)).txt"
            if let article = try? ArticleParser(defaultLanguage: "en").parse(bytes, fileName: name) {
                Self.checkSanitised(article.contentHTML)
                Self.checkPublished(PublishableURL.make(article.link))
            }
        case .dates:
            let text = String(decoding: bytes, as: UTF8.self)
            if let date = FeedDateParser.parse(text) {
                _ = FeedDate.rfc3339(date)
                _ = FeedDate.rfc822(date)
            }
        case .sanitizer:
            let html = String(decoding: bytes, as: UTF8.self)
            Self.checkSanitised(HTMLSanitizer().sanitize(html, baseURL: "https://fuzz.example/a/b"))
            _ = HTMLSanitizer().plainText(html)
        case .url:
            let text = String(decoding: bytes, as: UTF8.self)
            Self.checkPublished(PublishableURL.make(text))
            Self.checkSanitised(HTMLSanitizer().sanitize("<a href=\"\(text)\">x</a><img src='\(text)'>", baseURL: nil))
        case .config:
            guard let text = String(validating: bytes, as: UTF8.self) else { return }
            do {
                _ = try ConfigurationLoader.parse(text, file: "fuzz.toml", baseDirectory: "/fuzz")
            } catch {
                precondition(error.file == "fuzz.toml" && !error.description.isEmpty, "a configuration error names no file")
            }
        }
    }

    /// A URL that passed `PublishableURL` is an absolute http(s) URI reference with nothing to escape.
    static func checkPublished(_ url: String?) {
        guard let url else { return }
        precondition(url.hasPrefix("http://") || url.hasPrefix("https://"), "published URL without http(s): \(url)")
        precondition(!url.utf8.contains { $0 <= 0x20 || $0 >= 0x7F || "\"<>\\^`{|}".utf8.contains($0) }, "unescaped URL: \(url)")
    }

    /// The URLs of a `srcset` value as browsers read them (HTML "parse a srcset attribute"): candidates are
    /// separated by commas after their descriptors; a URL is a run of non-whitespace (so it may hold commas)
    /// whose trailing commas end the candidate.
    static func srcsetURLs(_ value: String) -> [String] {
        let whitespace: Set<Character> = [" ", "\t", "\n", "\r", "\u{0C}"]
        var rest = Substring(value), urls: [String] = []
        while true {
            rest = rest.drop { whitespace.contains($0) || $0 == "," }
            guard !rest.isEmpty else { return urls }
            var url = rest.prefix { !whitespace.contains($0) }
            rest = rest.dropFirst(url.count)
            let endsCandidate = url.hasSuffix(",")
            while url.hasSuffix(",") { url = url.dropLast() }
            urls.append(String(url))
            guard !endsCandidate else { continue }
            var depth = 0
            while let character = rest.popFirst() {
                if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if character == ",", depth == 0 { break }
            }
        }
    }

    static let forbiddenElements: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
        "textarea", "meta", "link", "base", "svg", "math", "template", "noscript",
    ]
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "poster", "background", "cite", "srcset", "data"]

    /// Sanitised HTML holds no element or attribute that runs code, and no active URL scheme. Its text
    /// has every `<` escaped, so each raw `<` opens a tag: each tag's name and attributes are checked.
    static func checkSanitised(_ html: String) {
        let tag = /<\/?([A-Za-z][A-Za-z0-9:-]*)([^>]*)>/
        let attribute = /([^\s=\/]+)\s*=\s*"([^"]*)"/
        for match in html.matches(of: tag) {
            let name = match.output.1.lowercased()
            precondition(!forbiddenElements.contains(name), "sanitised HTML holds <\(name)>: \(html.prefix(300))")
            for pair in match.output.2.matches(of: attribute) {
                let key = pair.output.1.lowercased()
                precondition(!key.hasPrefix("on"), "an event handler survived: \(key) in \(html.prefix(300))")
                guard urlAttributes.contains(key) else { continue }
                let value = decodedAttribute(String(pair.output.2))
                let candidates = key == "srcset" ? srcsetURLs(value) : [value]
                for url in candidates {
                    let scheme = url.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
                        .drop { $0.unicodeScalars.allSatisfy { $0.value <= 0x20 } }
                        .prefix { $0 != ":" && $0 != "/" && $0 != "?" && $0 != "#" }
                    let hasScheme = url.contains(":") && url.firstIndex(of: ":").map { url[..<$0].allSatisfy { $0 != "/" && $0 != "?" && $0 != "#" } } == true
                    guard hasScheme else { continue }
                    precondition(["http", "https", "mailto", "data"].contains(scheme.lowercased()), "active URL \(url) in \(key): \(html.prefix(300))")
                    if scheme.lowercased() == "http" || scheme.lowercased() == "https" || scheme.lowercased() == "mailto" {
                        precondition(!url.utf8.contains { $0 <= 0x20 || $0 >= 0x7F || "\"<>\\^`{|}".utf8.contains($0) }, "URL not written as a URI: \(url) in \(key)")
                    }
                    if scheme.lowercased() == "data" {
                        precondition(url.lowercased().hasPrefix("data:image/") && key == "src", "a data: URL outside an image: \(url)")
                    }
                }
            }
        }
    }

    /// The page for people made of the feed's entries, its title the source's name: every `<` in it opens one
    /// of the page's own tags (any other is text that escaped unescaped), and every link is a published URL
    /// or one of the outputs beside it.
    static func checkPage(_ entries: [Entry], feed: ParsedFeed) {
        let description = FeedDescription(id: "tag:fuzz.example,2026:feed", title: feed.title?.value ?? "", author: Author(name: "fuzz"))
        let source = SourceStatus(name: feed.title?.value ?? "", siteURL: feed.link, feedURL: "https://fuzz.example/feed",
                                  lastErrorStage: "PARSE", lastError: feed.bozoMessage)
        let page = String(decoding: HTMLPageWriter.write(feed: description, entries: entries, sources: [source]), as: UTF8.self)
        for match in page.matches(of: /<\/?([A-Za-z][A-Za-z0-9]*)([^>]*)>/) {
            precondition(pageElements.contains(String(match.output.1)), "the page holds <\(match.output.1)>: \(page.suffix(600))")
            for link in match.output.2.matches(of: /href="([^"]*)"/) {
                let url = decodedAttribute(String(link.output.1))
                if !OutputFiles().all.contains(url) { checkPublished(url) }
            }
        }
    }

    static let pageElements: Set<String> = [
        "html", "head", "meta", "title", "link", "style", "body", "header", "h1", "h2", "h3", "p", "a", "nav", "ul", "ol",
        "li", "main", "section", "article", "time", "dl", "dt", "dd", "footer",
    ]

    /// An attribute value as a browser reads it: the references the serialiser writes decoded.
    static func decodedAttribute(_ value: String) -> String {
        value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
