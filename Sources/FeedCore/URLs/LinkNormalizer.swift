/// Normalises links for deduplication: two links to the same page should compare equal.
public enum LinkNormalizer {
    /// Query parameters that only track the click, removed (besides every `utm_*`).
    static let trackingParameters: Set<String> = ["fbclid", "gclid", "mc_cid", "mc_eid"]

    /// Ports implied by the scheme, dropped: RFC 3986 §6.2.3.
    static let defaultPorts: [String: String] = ["http": "80", "https": "443", "ftp": "21", "ws": "80", "wss": "443"]

    /// For deduplication: lowercase scheme and host, default port dropped, fragment dropped, utm_* (and fbclid, gclid,
    /// mc_cid, mc_eid) query parameters removed, remaining query kept in order, empty path → "/". nil for non-URLs.
    ///
    /// Also RFC 3986 §6.2.2: dot segments removed, percent-encodings in upper case, encoded unreserved
    /// characters decoded. A non-URL is a string with no valid scheme, with whitespace or control
    /// characters inside, or an http(s) URL with no host.
    public static func normalize(_ link: String) -> String? {
        let trimmed = URICharacters.trimmed(link)
        guard !trimmed.isEmpty,
            !trimmed.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F })
        else { return nil }
        var reference = URIReference(parsing: trimmed)
        guard reference.hasValidScheme, let scheme = reference.scheme?.lowercased() else { return nil }
        reference.scheme = scheme
        if let authority = reference.authority {
            guard let normalizedAuthority = normalizedAuthority(authority, scheme: scheme) else { return nil }
            reference.authority = normalizedAuthority
            if reference.path.isEmpty { reference.path = "/" }
        } else if scheme == "http" || scheme == "https" {
            return nil
        }
        if reference.authority != nil || reference.path.hasPrefix("/") {
            reference.path = URIReference.removingDotSegments(reference.path)
        }
        reference.path = URIPercentEncoding.normalized(reference.path)
        reference.query = reference.query.flatMap(filteredQuery).map(URIPercentEncoding.normalized)
        reference.fragment = nil
        return reference.string
    }

    /// `authority` with its host in lower case and a default or empty port dropped; nil when there is no host.
    private static func normalizedAuthority(_ authority: String, scheme: String) -> String? {
        var userinfo = ""
        var hostAndPort = Substring(authority)
        if let at = hostAndPort.lastIndex(of: "@") {
            userinfo = String(hostAndPort[...at])
            hostAndPort = hostAndPort[hostAndPort.index(after: at)...]
        }
        var host = hostAndPort
        var port = ""
        let portColon: Substring.Index? =
            if hostAndPort.hasPrefix("["), let close = hostAndPort.firstIndex(of: "]") {
                hostAndPort[close...].firstIndex(of: ":")
            } else {
                hostAndPort.lastIndex(of: ":")
            }
        if let portColon {
            host = hostAndPort[..<portColon]
            port = String(hostAndPort[hostAndPort.index(after: portColon)...])
        }
        guard !host.isEmpty, port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber) else { return nil }
        let portSuffix = port.isEmpty || defaultPorts[scheme] == port ? "" : ":" + port
        return userinfo + host.lowercased() + portSuffix
    }

    /// The query without tracking parameters, order kept; nil when nothing is left.
    private static func filteredQuery(_ query: String) -> String? {
        let kept = query.split(separator: "&", omittingEmptySubsequences: true).filter { parameter in
            let name = (parameter.split(separator: "=", maxSplits: 1).first ?? "").lowercased()
            return !name.hasPrefix("utm_") && !trackingParameters.contains(name)
        }
        return kept.isEmpty ? nil : kept.joined(separator: "&")
    }
}
