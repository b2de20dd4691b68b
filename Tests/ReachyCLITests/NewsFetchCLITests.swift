import Foundation
import ReachyTestSupport
import Testing

/// `reachy news daily --source URL` on the simulator, against a real local HTTP server (python3 -m http.server):
/// it fetches the feed, recites it once at the slot, and the next day reads only what is new.
@Suite("reachy news daily --source", .serialized)
struct NewsFetchCLITests {
    static func feed(_ items: [(String, String, String)]) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>AI快讯</title>"#
        for (title, link, date) in items {
            out += "<item><title>\(title)</title><link>\(link)</link><description>\(title)的详细内容。</description>"
            out += "<pubDate>\(date)</pubDate></item>"
        }
        return out + "</channel></rss>"
    }

    /// A python http.server on a free port serving `dir`; its port.
    static func serve(_ dir: URL) throws -> (Process, Int) {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", dir.path]
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        try server.run()
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !text.contains(") ...") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let port = text.firstMatch(of: #/port (\d+)/#).flatMap { Int($0.output.1) } ?? 0
        return (server, port)
    }

    func day(_ date: String, next: String, digests: URL, state: String, source: String, wav: String) throws -> String {
        let live = try WatchedProcess.reachy([
            "news", "daily", "--dir", digests.path, "--state", state, "--source", source, "--at", "08:00", "--tz",
            "Asia/Shanghai", "--sim", "--now", "\(date)T07:59:58+08:00", "--length", "headlines", "--speech-rate",
            "450",
            "--wav", wav,
        ])
        #expect(live.waitForStderr("(next slot \(next)T08:00:00+08:00).", timeout: 120))
        live.send(SIGTERM)
        #expect(live.finish() == 0)
        return live.stderr
    }

    @Test("Fetched, recited once, and the next day only the new item")
    func fetchAndRecite() throws {
        let root = try NewsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let digests = root.appendingPathComponent("digests")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Self.feed([("阿里巴巴发布新模型", "https://example.com/a", "Sun, 21 Dec 2025 00:00:00 +0000")])
            .write(to: site.appendingPathComponent("feed.xml"), atomically: true, encoding: .utf8)
        let (server, port) = try Self.serve(site)
        defer { server.terminate() }
        try #require(port > 0, "the local HTTP server did not start")
        let source = "http://127.0.0.1:\(port)/feed.xml"
        let state = root.appendingPathComponent("state.json").path
        let wav = root.appendingPathComponent("v.wav").path

        let first = try day("2025-12-21", next: "2025-12-22", digests: digests, state: state, source: source, wav: wav)
        #expect(first.contains("fetched \(source): stored 1 new digest(s): 127-0-0-1-"))
        #expect(first.components(separatedBy: "] Reciting ").count == 2)
        #expect(first.contains("(1 unread digest(s) with 1 new item(s))."))
        #expect(first.contains("Item 1/1: 阿里巴巴发布新模型"))

        try Self.feed([
            ("谷歌推出新功能", "https://example.com/b", "Mon, 22 Dec 2025 00:00:00 +0000"),
            ("阿里巴巴发布新模型", "https://example.com/a", "Sun, 21 Dec 2025 00:00:00 +0000"),
        ]).write(to: site.appendingPathComponent("feed.xml"), atomically: true, encoding: .utf8)
        let second = try day("2025-12-22", next: "2025-12-23", digests: digests, state: state, source: source, wav: wav)
        #expect(second.contains("fetched \(source): stored 1 new digest(s)"))
        #expect(second.contains("(1 unread digest(s) with 1 new item(s))."))
        #expect(second.contains("Item 1/1: 谷歌推出新功能"))
        #expect(!second.contains("阿里巴巴发布新模型"))
    }
}
