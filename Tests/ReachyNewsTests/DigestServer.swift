import Foundation
import Hummingbird
import Logging
import Synchronization

/// A real HTTP server on a free loopback port for the fetch tests: serves whatever `pages` holds at each path, with
/// an ETag (the content's hash) honoured through `If-None-Match`, a 503 for the first `failures` requests of a path,
/// and a count of requests per path.
final class DigestServer: Sendable {
    struct Page: Sendable {
        var body: String
        var contentType: String
    }

    let pages = Mutex<[String: Page]>([:])
    let failures = Mutex<[String: Int]>([:])
    let requests = Mutex<[String: Int]>([:])
    let conditional = Mutex<Int>(0)

    func set(_ path: String, _ body: String, type: String = "text/markdown; charset=utf-8") {
        pages.withLock { $0[path] = Page(body: body, contentType: type) }
    }

    func run(_ body: (Int) async throws -> Void) async throws {
        let router = Router()
        router.get("**") { request, _ -> Response in
            let path = request.uri.path
            self.requests.withLock { $0[path, default: 0] += 1 }
            let fail = self.failures.withLock { f -> Bool in
                guard let n = f[path], n > 0 else { return false }
                f[path] = n - 1
                return true
            }
            if fail { return Response(status: .serviceUnavailable) }
            guard let page = self.pages.withLock({ $0[path] }) else { return Response(status: .notFound) }
            let etag = "\"\(page.body.utf8.reduce(UInt64(5381)) { ($0 &* 33) &+ UInt64($1) })\""
            if request.headers[.ifNoneMatch] == etag {
                self.conditional.withLock { $0 += 1 }
                return Response(status: .notModified, headers: [.eTag: etag])
            }
            return Response(
                status: .ok, headers: [.contentType: page.contentType, .eTag: etag],
                body: .init(byteBuffer: ByteBuffer(string: page.body)))
        }
        let (ports, port) = AsyncStream<Int>.makeStream()
        var quiet = Logger(label: "reachy.tests.digest-server")
        quiet.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                port.yield(channel.localAddress?.port ?? 0)
                port.finish()
            }, logger: quiet)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = ports.makeAsyncIterator()
            guard let bound = await iterator.next() else { return }
            defer { group.cancelAll() }
            try await body(bound)
        }
    }
}
