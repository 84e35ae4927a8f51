import FeedCore
import Foundation

/// Where an IP address lives, for refusing redirects from the public internet into internal networks.
///
/// Ranges: RFC 1918 and RFC 6598 (shared, 100.64/10) private IPv4, 127/8 loopback, 169.254/16 link-local,
/// 0/8 "this network"; IPv6 ::1, fe80::/10 link-local, fc00::/7 unique local, and IPv4-mapped
/// addresses judged by their IPv4 part.
public enum AddressScope: String, Sendable, Hashable {
    case loopback
    case privateNetwork = "private"
    case linkLocal = "link-local"
    case unspecified
    case publicInternet = "public"

    /// Whether a feed on a public host may not redirect feedd here.
    public var isInternal: Bool { self != .publicInternet }

    /// The scope of a textual IPv4 or IPv6 address; nil when `text` is not an IP address.
    public static func of(_ text: String) -> AddressScope? {
        var address = text
        if address.hasPrefix("[") && address.hasSuffix("]") { address = String(address.dropFirst().dropLast()) }
        if let zone = address.firstIndex(of: "%") { address = String(address[..<zone]) }
        if let v4 = parseIPv4(address) { return scope(ipv4: v4) }
        if let v6 = parseIPv6(address) { return scope(ipv6: v6) }
        return nil
    }

    static func scope(ipv4 a: [UInt8]) -> AddressScope {
        switch (a[0], a[1]) {
        case (127, _): return .loopback
        case (10, _), (192, 168), (172, 16...31), (100, 64...127): return .privateNetwork
        case (169, 254): return .linkLocal
        case (0, _): return .unspecified
        default: return .publicInternet
        }
    }

    static func scope(ipv6 a: [UInt8]) -> AddressScope {
        if a.allSatisfy({ $0 == 0 }) { return .unspecified }
        if a[0..<15].allSatisfy({ $0 == 0 }) && a[15] == 1 { return .loopback }
        if a[0..<10].allSatisfy({ $0 == 0 }) && a[10] == 0xff && a[11] == 0xff { return scope(ipv4: Array(a[12..<16])) }
        if a[0] == 0xfe && (a[1] & 0xc0) == 0x80 { return .linkLocal }
        if (a[0] & 0xfe) == 0xfc { return .privateNetwork }
        return .publicInternet
    }

    static func parseIPv4(_ s: String) -> [UInt8]? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCII), let value = UInt8(part) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    static func parseIPv6(_ s: String) -> [UInt8]? {
        guard s.contains(":") else { return nil }
        var tail = s
        var v4: [UInt8] = []
        if let lastColon = s.lastIndex(of: ":"), s[s.index(after: lastColon)...].contains(".") {
            guard let parsed = parseIPv4(String(s[s.index(after: lastColon)...])) else { return nil }
            v4 = parsed
            tail = String(s[...lastColon]) + "0:0"
        }
        let halves = tail.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ text: String) -> [UInt16]? {
            if text.isEmpty { return [] }
            var out: [UInt16] = []
            for g in text.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(g.count), let value = UInt16(g, radix: 16) else { return nil }
                out.append(value)
            }
            return out
        }
        guard let head = groups(halves[0]) else { return nil }
        var words = head
        if halves.count == 2 {
            guard let rest = groups(halves[1]), head.count + rest.count < 8 else { return nil }
            words += Array(repeating: 0, count: 8 - head.count - rest.count) + rest
        }
        guard words.count == 8 else { return nil }
        var bytes = words.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }
        if !v4.isEmpty { bytes.replaceSubrange(12..<16, with: v4) }
        return bytes
    }
}
