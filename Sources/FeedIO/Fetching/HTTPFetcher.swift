import AsyncHTTPClient
import FeedCore
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import Synchronization

/// Fetches feeds over HTTP politely: conditional GET, gzip with a cap, timeouts, a body cap, bounded
/// concurrency per host, and redirects followed by hand so permanent ones can be remembered and a public
/// feed cannot redirect feedd into an internal network.
public final class HTTPFetcher: Sendable {
    public let settings: FetcherSettings
    let client: HTTPClient
    /// One client per proxy in use (AsyncHTTPClient sets the proxy per client), made when first needed.
    private let proxied = Mutex<[SourceAccess.Proxy: HTTPClient]>([:])
    let limiter: ConcurrencyLimiter

    public init(settings: FetcherSettings) {
        self.settings = settings
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: Self.configuration(settings, proxy: nil))
        limiter = ConcurrencyLimiter(perHost: settings.maxPerHost)
    }

    private static func configuration(_ settings: FetcherSettings, proxy: SourceAccess.Proxy?) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(Int64(settings.connectTimeoutSeconds)), read: .seconds(Int64(settings.timeoutSeconds))),
            proxy: proxy.map { .server(host: $0.host, port: $0.port) },
            decompression: .enabled(limit: .size(settings.maxBodySize))
        )
        configuration.connectionPool = .init(idleTimeout: .seconds(30))
        return configuration
    }

    /// The client for requests through `proxy` (the plain one without).
    private func client(through proxy: SourceAccess.Proxy?) -> HTTPClient {
        guard let proxy else { return client }
        return proxied.withLock { clients in
            if let existing = clients[proxy] { return existing }
            let made = HTTPClient(eventLoopGroupProvider: .singleton, configuration: Self.configuration(settings, proxy: proxy))
            clients[proxy] = made
            return made
        }
    }

    /// Runs `body` with a fetcher that is shut down when `body` returns or throws (in the manner of
    /// AsyncHTTPClient's `withHTTPClient`): no caller can forget it.
    public static func withFetcher<T, Failure: Error>(
        settings: FetcherSettings, _ body: (HTTPFetcher) async throws(Failure) -> T
    ) async throws(Failure) -> T {
        let fetcher = HTTPFetcher(settings: settings)
        do {
            let result = try await body(fetcher)
            await fetcher.shutdown()
            return result
        } catch {
            await fetcher.shutdown()
            throw error
        }
    }

    /// Shuts the client down; call once, after the last fetch (`withFetcher` does).
    public func shutdown() async {
        try? await client.shutdown()
        for other in proxied.withLock({ Array($0.values) }) { try? await other.shutdown() }
    }

    /// One conditional GET, following at most `maxRedirects` redirects.
    public func fetch(_ request: FetchRequest, now: @Sendable () -> Date = { Date() }) async -> FetchOutcome {
        guard let first = URL(string: request.url), let host = first.host?.lowercased() else {
            return .failed(FetchFailure(message: "not a valid URL: \(request.url)"))
        }
        return await limiter.run(host: host) {
            await self.follow(request, now: now)
        }
    }

    private func follow(_ request: FetchRequest, now: @Sendable () -> Date) async -> FetchOutcome {
        let deadline = NIODeadline.now() + .seconds(Int64(settings.timeoutSeconds))
        // The same instant bounds the parse of what comes back (`FetchedDocument.deadline`).
        let parseDeadline = ContinuousClock.now + .seconds(settings.timeoutSeconds)
        var current = request.url
        var visited: Set<String> = [current]
        var allPermanent = true
        var redirected = false
        let originScopes = await AddressResolver.scopes(of: URL(string: request.url)?.host ?? "")
        let originIsPublic = !originScopes.isEmpty && originScopes.allSatisfy { !$0.isInternal }
        let origin = Self.origin(of: request.url)
        let authorization: String?
        do {
            authorization = try request.access.authorization()
        } catch {
            return .failed(FetchFailure(message: "source credentials: \(error)"))
        }
        let client = client(through: request.access.proxy)

        for _ in 0...settings.maxRedirects {
            var permanent: String? { redirected && allPermanent ? current : nil }
            let response: HTTPClientResponse
            do {
                // The source's headers and credentials go to its own origin only, never where it redirects elsewhere.
                let own = Self.origin(of: current) == origin
                response = try await client.execute(
                    makeRequest(current, request, authorization: own ? authorization : nil, headers: own ? request.access.headers : []),
                    deadline: deadline
                )
            } catch {
                return .failed(FetchFailure(message: Self.describe(error, url: current), permanentURL: permanent))
            }
            let status = Int(response.status.code)
            let headers = response.headers
            var metadata = FetchMetadata(
                status: status, finalURL: current, permanentURL: permanent,
                etag: headers.first(name: "etag"), lastModified: headers.first(name: "last-modified"),
                hints: PublisherHints(
                    maxAge: ResponseHeaders.maxAge(cacheControl: headers.first(name: "cache-control")),
                    expiresIn: ResponseHeaders.expiresIn(headers.first(name: "expires"), now: now())
                )
            )
            switch status {
            case 200...299:
                do {
                    let buffer = try await Self.collect(response.body, upTo: settings.maxBodySize, deadline: deadline)
                    let body = Array(buffer.readableBytesView)
                    let charset = ResponseHeaders.charset(contentType: headers.first(name: "content-type"))
                    return .fetched(FetchedDocument(metadata: metadata, body: body, charset: charset, deadline: parseDeadline))
                } catch {
                    return .failed(FetchFailure(status: status, message: Self.describe(error, url: current), permanentURL: permanent))
                }
            case 304:
                await Self.discard(response, deadline: deadline)
                if metadata.etag == nil { metadata.etag = request.etag }
                if metadata.lastModified == nil { metadata.lastModified = request.lastModified }
                return .notModified(metadata)
            case 301, 302, 303, 307, 308:
                await Self.discard(response, deadline: deadline)
                guard let location = headers.first(name: "location"),
                      let target = URL(string: location, relativeTo: URL(string: current))?.absoluteURL,
                      let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https",
                      let targetHost = target.host
                else {
                    return .failed(FetchFailure(status: status, message: "redirect \(status) from \(current) without a usable http(s) Location", permanentURL: permanent))
                }
                let next = target.absoluteString
                if visited.contains(next) {
                    return .failed(FetchFailure(status: status, message: "redirect loop: \(current) → \(next)", permanentURL: permanent))
                }
                if originIsPublic && !request.allowPrivateRedirects {
                    let scopes = await AddressResolver.scopes(of: targetHost)
                    if let inside = scopes.first(where: \.isInternal) {
                        return .failed(FetchFailure(
                            status: status,
                            message: "refused redirect from public \(request.url) to \(inside.rawValue) address \(next) (set allow_private_redirects to permit)",
                            permanentURL: nil
                        ))
                    }
                }
                visited.insert(next)
                allPermanent = allPermanent && (status == 301 || status == 308)
                redirected = true
                current = next
            case 410:
                await Self.discard(response, deadline: deadline)
                return .gone(metadata)
            default:
                await Self.discard(response, deadline: deadline)
                return .failed(FetchFailure(
                    status: status,
                    retryAfter: ResponseHeaders.retryAfter(headers.first(name: "retry-after"), now: now()),
                    message: "HTTP \(status) \(response.status.reasonPhrase) from \(current)",
                    permanentURL: permanent
                ))
            }
        }
        return .failed(FetchFailure(message: "more than \(settings.maxRedirects) redirects from \(request.url)"))
    }

    private func makeRequest(
        _ url: String, _ request: FetchRequest, authorization: String?, headers: [SourceAccess.Header]
    ) -> HTTPClientRequest {
        var http = HTTPClientRequest(url: url)
        http.method = .GET
        http.headers.add(name: "User-Agent", value: request.access.userAgent ?? settings.userAgent)
        http.headers.add(name: "Accept", value: "application/atom+xml, application/rss+xml, application/rdf+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5")
        http.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if let etag = request.etag { http.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified = request.lastModified { http.headers.add(name: "If-Modified-Since", value: lastModified) }
        for header in headers { http.headers.replaceOrAdd(name: header.name, value: header.value) }
        if let authorization { http.headers.replaceOrAdd(name: "Authorization", value: authorization) }
        return http
    }

    /// Scheme, host and port: where credentials may go.
    static func origin(of url: String) -> String? {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), let host = parsed.host?.lowercased() else { return nil }
        return "\(scheme)://\(host):\(parsed.port ?? (scheme == "https" ? 443 : 80))"
    }

    /// The body, read before `deadline` or not at all: the client's read timeout restarts with every byte,
    /// so a server that sends one byte a second would otherwise hold the fetch for as long as it likes.
    static func collect(_ body: HTTPClientResponse.Body, upTo limit: Int, deadline: NIODeadline) async throws -> ByteBuffer {
        try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await body.collect(upTo: limit) }
            group.addTask {
                let remaining = deadline - NIODeadline.now()
                if remaining > .zero { try await Task.sleep(nanoseconds: UInt64(remaining.nanoseconds)) }
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else { throw HTTPClientError.deadlineExceeded }
            return buffer
        }
    }

    /// Reads and drops a body we do not use (keeps the connection reusable), up to a small cap.
    private static func discard(_ response: HTTPClientResponse, deadline: NIODeadline) async {
        _ = try? await collect(response.body, upTo: 64 << 10, deadline: deadline)
    }

    static func describe(_ error: any Error, url: String) -> String {
        switch error {
        case is NIOTooManyBytesError:
            return "the body of \(url) is over the size cap"
        case let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout:
            return "timed out waiting for \(url)"
        case let error as HTTPClientError where error == .connectTimeout:
            return "timed out connecting to \(url)"
        case NIOHTTPDecompression.DecompressionError.limit:
            return "the decompressed body of \(url) is over the size cap"
        case let error as NIOHTTPDecompression.DecompressionError:
            return "cannot decompress the body of \(url): \(error)"
        default:
            return "cannot fetch \(url): \(error)"
        }
    }
}
