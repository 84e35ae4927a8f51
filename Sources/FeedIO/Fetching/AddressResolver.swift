import Dispatch
import FeedCore
#if canImport(Glibc)
import Glibc
#endif

/// Resolves a host name to the scopes of its addresses (loopback, private, public…), off the caller's thread.
public enum AddressResolver {
    /// The scopes of every address `host` resolves to; an IP literal is classified directly.
    /// Empty when the name does not resolve.
    public static func scopes(of host: String) async -> [AddressScope] {
        if let scope = AddressScope.of(host) { return [scope] }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: resolve(host))
            }
        }
    }

    static func resolve(_ host: String) -> [AddressScope] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(first) }
        var scopes: [AddressScope] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let current = node {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(current.pointee.ai_addr, current.pointee.ai_addrlen, &buffer, socklen_t(buffer.count),
                           nil, 0, NI_NUMERICHOST) == 0 {
                let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if let scope = AddressScope.of(text) { scopes.append(scope) }
            }
            node = current.pointee.ai_next
        }
        return scopes
    }
}
