/// The one gate every URL that feedd writes into an output passes: entry and feed links, enclosures,
/// sources, authors' pages, OPML `xmlUrl`/`htmlUrl`. (URLs inside HTML bodies pass the sanitiser's own
/// filter, which also resolves them.)
///
/// A URL is published only when, read the way a browser reads it (outer C0 controls and spaces
/// stripped, tabs and newlines dropped, backslashes before the query taken as slashes), it is an
/// absolute `http` or `https` URL with a host. It is then written as a valid URI reference: the scheme
/// in lower case and every byte that RFC 3986 does not allow there (space, `"`, `<`, `>`, `\`, `^`, `` ` ``,
/// `{`, `|`, `}`, controls, non-ASCII as UTF-8, a `%` that starts no escape) percent-encoded. So
/// `javascript:`, `data:`, `vbscript:` and `file:` never reach a reader, and `https://x/"><script>` is
/// written as `https://x/%22%3E%3Cscript%3E`. A host in Unicode (raw or percent-encoded UTF-8) is written in
/// its IDNA form (`https://bücher.example/` → `https://xn--bcher-kva.example/`), as browsers send it.
public enum PublishableURL {
    /// The schemes a published URL may have.
    public static let schemes: Set<String> = ["http", "https"]

    /// `raw` as it may be published, or nil when it must not be.
    public static func make(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let url = URLFilter.slashed(URLFilter.cleaned(raw))
        guard let scheme = URLFilter.scheme(of: url), schemes.contains(scheme) else { return nil }
        var bytes = Array(url.utf8)
        let afterScheme = scheme.utf8.count + 1
        // `//` and a host: `https:/x` or `https:x` is relative to nothing a reader knows.
        guard bytes.count > afterScheme + 2, bytes[afterScheme] == 0x2F, bytes[afterScheme + 1] == 0x2F else { return nil }
        let authorityStart = afterScheme + 2
        var authorityEnd = bytes[authorityStart...].firstIndex { $0 == 0x2F || $0 == 0x3F || $0 == 0x23 } ?? bytes.count
        let hostStart = (bytes[authorityStart..<authorityEnd].lastIndex(of: 0x40).map { $0 + 1 }) ?? authorityStart
        let hostEnd = hostStart == authorityEnd ? hostStart
            : (bytes[hostStart..<authorityEnd].last == 0x5D ? authorityEnd
                : bytes[hostStart..<authorityEnd].lastIndex(of: 0x3A) ?? authorityEnd)
        guard hostEnd > hostStart else { return nil }
        if bytes[hostStart..<hostEnd].contains(where: { $0 >= 0x80 || $0 == 0x25 }) {
            guard let host = asciiHost(Array(bytes[hostStart..<hostEnd])) else { return nil }
            bytes.replaceSubrange(hostStart..<hostEnd, with: host.utf8)
            authorityEnd += host.utf8.count - (hostEnd - hostStart)
        }
        bytes.replaceSubrange(0..<scheme.utf8.count, with: scheme.utf8)
        return encoded(bytes, authority: authorityStart..<authorityEnd)
    }

    /// A host holding non-ASCII or percent-encoded bytes, decoded as UTF-8 and written in IDNA form; nil when
    /// it is not UTF-8 or cannot be encoded. A host that decodes to plain ASCII is left as written.
    static func asciiHost(_ host: [UInt8]) -> String? {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(host.count)
        var index = 0
        while index < host.count {
            if host[index] == 0x25, index + 2 < host.count, let high = hexValue(host[index + 1]), let low = hexValue(host[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(host[index])
                index += 1
            }
        }
        guard decoded.contains(where: { $0 >= 0x80 }) else { return String(decoding: host, as: UTF8.self) }
        guard let text = String(validating: decoded, as: UTF8.self) else { return nil }
        return Punycode.asciiHost(text)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// `bytes` with every byte outside RFC 3986's `reserved` and `unreserved` sets percent-encoded (a `%`
    /// followed by two hex digits is an escape already and stays); `[` and `]` only inside `authority`
    /// (an IPv6 literal).
    static func encoded(_ bytes: [UInt8], authority: Range<Int>) -> String {
        URIPercentEncoding.encoding(bytes) { index in
            switch bytes[index] {
            case 0x25: URIPercentEncoding.startsEscape(bytes, at: index)
            case 0x5B, 0x5D: authority.contains(index)
            default: isAllowed(bytes[index])
            }
        }
    }

    /// RFC 3986 `unreserved` / `reserved` (gen-delims and sub-delims), and `%` (checked by the caller).
    static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39: true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        case UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "@"): true
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: "="), UInt8(ascii: "%"): true
        default: false
        }
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}
