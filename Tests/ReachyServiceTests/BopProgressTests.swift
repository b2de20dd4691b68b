import Foundation
import HTTPTypes
import HummingbirdTesting
import ReachyTestSupport
import Synchronization
import Testing

@testable import ReachyService

/// `GET /api/bop/events/{uuid}`: a run started by `POST /api/bop/run` reports the progress `reachy run` prints —
/// the same lines, from the same performer (issue 14).
@Suite(.serialized) struct BopProgressTests {
    typealias H = ServiceHarness

    static let program = "level 2\nnod\nlook left 20\nlook ahead\nwiggle antennas\n"

    @Test func aRunReportsItsLinesAsTheCLIPrintsThem() async throws {
        let collected = Mutex<[String]>([])
        try await H.withService { client, _ in
            var texts: [String] = []
            defer { collected.withLock { $0 = texts } }
            let body = try String(data: JSONEncoder().encode(["program": Self.program]), encoding: .utf8) ?? ""
            let (status, answer) = try await H.call(client, .post, "/api/bop/run", json: body)
            #expect(status == .ok, "\(answer)")
            let uuid = try #require(try H.object(answer)["uuid"] as? String)
            var last = -1
            var finished = false
            var outcome: String?
            let deadline = ContinuousClock.now + .seconds(60)
            while !finished, ContinuousClock.now < deadline {
                let (code, text) = try await H.call(client, .get, "/api/bop/events/\(uuid)?after=\(last)")
                #expect(code == .ok, "\(text)")
                let snapshot = try H.object(text)
                for event in snapshot["events"] as? [[String: Any]] ?? [] {
                    let index = try #require(event["index"] as? Int)
                    #expect(index == last + 1, "events come once each, in order")
                    last = index
                    texts.append(try #require(event["text"] as? String))
                }
                finished = snapshot["finished"] as? Bool ?? false
                outcome = snapshot["outcome"] as? String
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(finished)
            #expect(outcome == "completed")
            // Asking from the start again gives everything; an unknown run is a 404, a malformed one a 422.
            let (_, all) = try await H.call(client, .get, "/api/bop/events/\(uuid)")
            #expect((try H.object(all)["events"] as? [Any])?.count == texts.count)
            let (unknown, why) = try await H.call(client, .get, "/api/bop/events/\(UUID().uuidString)")
            #expect(unknown == .notFound)
            #expect(why.contains("POST /api/bop/run"))
            let (malformed, _) = try await H.call(client, .get, "/api/bop/events/not-a-uuid")
            #expect(malformed == .unprocessableContent)
            let (badAfter, _) = try await H.call(client, .get, "/api/bop/events/\(uuid)?after=1.5")
            #expect(badAfter == .unprocessableContent)
        }
        let texts = collected.withLock { $0 }
        let lines = texts.filter { $0.hasPrefix("▶ line") }
        #expect(
            lines == ["▶ line 2: nod", "▶ line 3: look left 20", "▶ line 4: look ahead", "▶ line 5: wiggle antennas"])
        #expect(texts.last == "Done.")

        // `reachy run` prints the same lines for the same program.
        let dir = try TemporaryDirectory("bop-progress")
        defer { dir.remove() }
        let file = dir.file("p.bop")
        try Self.program.write(to: file, atomically: true, encoding: .utf8)
        let run = try WatchedProcess.reachy(["run", file.path, "--sim", "--virtual-time"])
        #expect(await run.waitForExit(timeout: 120) == 0, "\(run.stderr)")
        let printed = run.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("▶ line") }
        #expect(printed == lines)
    }

    /// A Chinese program's progress is in Chinese, as `reachy run` prints it.
    @Test func aChineseRunReportsInChinese() async throws {
        try await H.withService { client, _ in
            let body = try String(data: JSONEncoder().encode(["program": "点头\n向左看 20\n"]), encoding: .utf8) ?? ""
            let (status, answer) = try await H.call(client, .post, "/api/bop/run", json: body)
            #expect(status == .ok, "\(answer)")
            let uuid = try #require(try H.object(answer)["uuid"] as? String)
            var texts: [String] = []
            var finished = false
            let deadline = ContinuousClock.now + .seconds(60)
            while !finished, ContinuousClock.now < deadline {
                let (_, text) = try await H.call(client, .get, "/api/bop/events/\(uuid)")
                let snapshot = try H.object(text)
                texts = (snapshot["events"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
                finished = snapshot["finished"] as? Bool ?? false
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(finished)
            #expect(texts.contains { $0.hasPrefix("▶ 第 1 行") }, "\(texts)")
            #expect(!texts.contains { $0.hasPrefix("▶ line") })
        }
    }
}
