import Foundation
import Synchronization
import Testing

@testable import ReachyNews

/// Fetching digests from a real local HTTP server and a real local git repository (no internet): Markdown digests
/// and RSS/Atom feeds are stored under their content's identity, conditional GET saves work, failures are retried
/// and then reported, and a repository's new digests are picked up on the next pull.
@Suite("Fetching digests", .serialized)
struct DigestFetchTests {
    static let digest = """
        ---
        title: "AI快讯"
        date: 2025-12-21
        ---

        1.  [阿里发布新模型](https://example.com/1)

            正文一。

        """

    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>AI News</title>
        <item><title>Older story</title><link>https://example.com/old</link>
          <description><![CDATA[<p>Old <b>news</b> &amp; more.</p>]]></description>
          <pubDate>Sat, 20 Dec 2025 08:00:00 +0000</pubDate></item>
        <item><title>OpenAI ships a model</title><link>https://example.com/new</link>
          <description>It is faster.</description><pubDate>Sun, 21 Dec 2025 08:00:00 +0000</pubDate></item>
        </channel></rss>
        """

    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Robots</title>
          <entry><title>Reachy Mini in schools</title><link rel="alternate" href="https://example.com/reachy"/>
            <updated>2025-12-21T09:00:00Z</updated><summary>Children program it.</summary></entry>
        </feed>
        """

    func directory() throws -> URL { try TestFiles.temporaryDirectory() }

    static let quick = DigestFetcher.Options(timeout: 5, attempts: 3, backoff: 0.05)

    @Test("A Markdown digest is stored by its content; unchanged, it is not stored again (304 the second time)")
    func markdown() async throws {
        let server = DigestServer()
        server.set("/latest.md", Self.digest)
        let dir = try directory()
        try await server.run { port in
            let source = try DigestSource("http://127.0.0.1:\(port)/latest.md")
            let fetcher = DigestFetcher(directory: dir, options: Self.quick)
            let first = await fetcher.fetch([source])
            guard case .stored(_, let files) = first.first else {
                Issue.record("\(first)")
                return
            }
            #expect(files.count == 1 && files[0].hasPrefix("127-0-0-1-") && files[0].hasSuffix(".md"))
            let stored = try String(contentsOf: dir.appendingPathComponent(files[0]), encoding: .utf8)
            #expect(stored == Self.digest)
            let second = await fetcher.fetch([source])
            #expect(
                second.first
                    == .unchanged(source: "http://127.0.0.1:\(port)/latest.md", reason: "HTTP 304, not modified"))
            #expect(server.conditional.withLock { $0 } == 1)
            // Tomorrow's news under the same name is a new digest, stored beside the old one.
            server.set("/latest.md", Self.digest.replacingOccurrences(of: "阿里发布新模型", with: "谷歌发布新模型"))
            let third = await fetcher.fetch([source])
            guard case .stored(_, let next) = third.first else {
                Issue.record("\(third)")
                return
            }
            #expect(next != files)
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".md") }
            #expect(names.count == 2)
            // And both parse: the routine reads them like any digest.
            let parsed = DailyRoutine.scan(directory: dir)
            #expect(parsed.digests.count == 2)
        }
    }

    @Test("An RSS feed becomes a digest, newest entry first, HTML removed, dated by its newest entry")
    func rssFeed() async throws {
        let server = DigestServer()
        server.set("/feed.xml", Self.rss, type: "application/rss+xml")
        let dir = try directory()
        try await server.run { port in
            let outcomes = await DigestFetcher(directory: dir, options: Self.quick).fetch([
                try DigestSource("http://127.0.0.1:\(port)/feed.xml")
            ])
            guard case .stored(_, let files) = outcomes.first else {
                Issue.record("\(outcomes)")
                return
            }
            let result = DigestParser.parse(contentsOf: dir.appendingPathComponent(files[0]))
            #expect(result.errors.isEmpty, "\(result.errors)")
            #expect(result.digest.items.map(\.headline) == ["OpenAI ships a model", "Older story"])
            #expect(result.digest.items.map(\.url) == ["https://example.com/new", "https://example.com/old"])
            #expect(result.digest.items.last?.body == "Old news & more.")
            #expect(result.digest.metadata?.title == "AI News")
            #expect(result.digest.metadata?.date == ISO8601DateFormatter().date(from: "2025-12-21T08:00:00Z"))
        }
    }

    @Test("An Atom feed is read too")
    func atomFeed() async throws {
        let server = DigestServer()
        server.set("/atom", Self.atom, type: "application/atom+xml")
        let dir = try directory()
        try await server.run { port in
            let outcomes = await DigestFetcher(directory: dir, options: Self.quick).fetch([
                try DigestSource("http://127.0.0.1:\(port)/atom")
            ])
            guard case .stored(_, let files) = outcomes.first else {
                Issue.record("\(outcomes)")
                return
            }
            let digest = DigestParser.parse(contentsOf: dir.appendingPathComponent(files[0])).digest
            #expect(digest.items.map(\.headline) == ["Reachy Mini in schools"])
            #expect(digest.items.first?.url == "https://example.com/reachy")
            #expect(digest.items.first?.body == "Children program it.")
        }
    }

    @Test("Server errors are retried with backoff; a 404 and a dead port are reported, nothing stored")
    func failures() async throws {
        let server = DigestServer()
        server.set("/flaky.md", Self.digest)
        server.failures.withLock { $0["/flaky.md"] = 2 }
        let dir = try directory()
        var deadPort = 0
        try await server.run { port in
            let outcomes = await DigestFetcher(directory: dir, options: Self.quick).fetch([
                try DigestSource("http://127.0.0.1:\(port)/flaky.md"),
                try DigestSource("http://127.0.0.1:\(port)/missing.md"),
            ])
            #expect(server.requests.withLock { $0["/flaky.md"] } == 3)
            guard case .stored = outcomes[0] else {
                Issue.record("\(outcomes[0])")
                return
            }
            #expect(
                outcomes[1]
                    == .failed(
                        source: "http://127.0.0.1:\(port)/missing.md",
                        error: .http(url: "http://127.0.0.1:\(port)/missing.md", status: 404)))
            #expect(outcomes[1].logLine.contains("HTTP 404"))
            deadPort = port
        }
        let dead = await DigestFetcher(directory: dir, options: Self.quick).fetch([
            try DigestSource("http://127.0.0.1:\(deadPort)/latest.md")
        ])
        guard case .failed(_, .network(_, _, let attempts)) = dead.first else {
            Issue.record("\(dead)")
            return
        }
        #expect(attempts == 3)
    }

    @Test("An answer over the size limit is refused")
    func tooLarge() async throws {
        let server = DigestServer()
        server.set("/huge.md", Self.digest + String(repeating: "很长的正文。", count: 10_000))
        let dir = try directory()
        try await server.run { port in
            var options = Self.quick
            options.sizeLimit = 64 * 1024
            let outcomes = await DigestFetcher(directory: dir, options: options).fetch([
                try DigestSource("http://127.0.0.1:\(port)/huge.md")
            ])
            #expect(outcomes.first?.isFailure == true)
            #expect(
                outcomes.first?.logLine.contains("MiB") == true || outcomes.first?.logLine.contains("more than") == true
            )
        }
    }

    @Test("A git repository of digests: cloned, then pulled; only new digests are stored")
    func gitRepository() async throws {
        let repo = try directory().appendingPathComponent("digests")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        func git(_ args: String...) throws {
            let failure = DigestFetcher.git(["-C", repo.path] + args, timeout: 30)
            try #require(failure == nil, "git \(args): \(failure ?? "")")
        }
        try git("init", "--quiet")
        try git("config", "user.email", "t@example.com")
        try git("config", "user.name", "t")
        try Self.digest.write(to: repo.appendingPathComponent("2025-12-21.md"), atomically: true, encoding: .utf8)
        try git("add", ".")
        try git("commit", "--quiet", "-m", "first")
        let dir = try directory()
        let fetcher = DigestFetcher(directory: dir, options: Self.quick)
        let source = try DigestSource("git+file://\(repo.path)")
        let first = await fetcher.fetch([source])
        guard case .stored(_, let files) = first.first else {
            Issue.record("\(first)")
            return
        }
        #expect(files.count == 1)
        let again = await fetcher.fetch([source])
        guard case .unchanged = again.first else {
            Issue.record("\(again)")
            return
        }
        try Self.digest.replacingOccurrences(of: "2025-12-21", with: "2025-12-22")
            .write(to: repo.appendingPathComponent("2025-12-22.md"), atomically: true, encoding: .utf8)
        try git("add", ".")
        try git("commit", "--quiet", "-m", "second")
        let third = await fetcher.fetch([source])
        guard case .stored(_, let new) = third.first else {
            Issue.record("\(third)")
            return
        }
        #expect(new.count == 1 && !files.contains(new[0]))
    }

    @Test("Sources that cannot be fetched are refused with a reason")
    func badSources() {
        #expect(throws: DigestFetchError.self) { try DigestSource("ftp://example.com/d.md") }
        #expect(throws: DigestFetchError.self) { try DigestSource("digests/latest.md") }
        #expect((try? DigestSource("https://example.com/repo.git")) == .git("https://example.com/repo.git"))
    }
}
