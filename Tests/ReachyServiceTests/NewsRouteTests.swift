import Foundation
import HTTPTypes
import HummingbirdTesting
import ReachyBridge
import ReachyNews
import ReachySpeech
import ReachyTestSupport
import Testing

@testable import ReachyService

/// `POST /api/news/recite`: a digest's Markdown becomes a recital on the (simulated) robot, stoppable by UUID.
@Suite(.serialized) struct NewsRouteTests {
    typealias H = ServiceHarness

    static var digest: URL { RepositoryPaths.root.appendingPathComponent("examples/news/digest-2025-12-21.md") }

    @Test func recitesADigestAndStopsByUUID() async throws {
        let wav = FileManager.default.temporaryDirectory.appendingPathComponent("service-news-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: wav) }
        try await H.withService(maxBody: 1 << 20, audio: H.wavSpeaker(wav)) { client, service in
            let text = try String(contentsOf: Self.digest, encoding: .utf8)
            var headers = HTTPFields()
            headers[.contentType] = "text/markdown"
            let (status, body) = try await H.call(client, .post, "/api/news/recite", json: text, headers: headers)
            #expect(status == .ok, "\(body)")
            let answer = try H.object(body)
            let uuid = try #require(answer["uuid"] as? String)
            let planned = try RecitalPlanner.bundled().plan([DigestParser.parse(text).digest])
            #expect(answer["items"] as? Int == planned.items.count)
            #expect(answer["sentences"] as? Int == planned.sentences.count)
            #expect(service.moves.uuids.map { $0.uuidString.lowercased() } == [uuid])
            let stop = try await H.call(client, .post, "/api/move/stop", json: #"{"uuid":"\#(uuid)"}"#)
            #expect(stop.status == .ok)
            #expect(!service.moves.isBusy)

            let empty = try await H.call(client, .post, "/api/news/recite", json: "just words\n", headers: headers)
            #expect(empty.status == .unprocessableContent)
        }
    }

    /// A digest of about 255 KB: the example's first paragraph under `count` numbered items, each with its own link.
    static func largeDigest(bytes: Int = 255_000) throws -> String {
        let example = try String(contentsOf: digest, encoding: .utf8)
        let paragraph = try #require(
            example.split(separator: "\n").first { $0.hasPrefix("    阿里巴巴") }.map(String.init))
        var text = "---\ntitle: \"Large digest\"\ndate: 2025-12-21T00:00:09+08:00\n---\n\n"
        var number = 0
        while text.utf8.count < bytes {
            number += 1
            text += "\(number).  [Item \(number)](https://example.com/\(number))\n\n\(paragraph)\n\n"
        }
        return text
    }

    @Test func stopAndOtherRoutesAnswerPromptlyWhileALargeDigestRenders() async throws {
        let wav = FileManager.default.temporaryDirectory.appendingPathComponent("service-news-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: wav) }
        try await H.withService(maxBody: 1 << 20, audio: H.wavSpeaker(wav)) { client, service in
            let text = try Self.largeDigest()
            #expect(text.utf8.count >= 255_000)
            var headers = HTTPFields()
            headers[.contentType] = "text/markdown"
            let clock = ContinuousClock()
            let reciteStart = clock.now
            let (status, body) = try await H.call(client, .post, "/api/news/recite", json: text, headers: headers)
            let reciteTime = clock.now - reciteStart
            #expect(status == .ok, "\(body)")
            let uuid = try #require(try H.object(body)["uuid"] as? String)
            try await Task.sleep(for: .milliseconds(500))  // the render is under way
            #expect(service.moves.isBusy)

            let statusStart = clock.now
            let state = try await H.call(client, .get, "/api/daemon/status")
            let statusTime = clock.now - statusStart
            #expect(state.status == .ok)
            #expect(statusTime < .seconds(2), "GET /api/daemon/status took \(statusTime) during the render")

            let stopStart = clock.now
            let stop = try await H.call(client, .post, "/api/move/stop", json: #"{"uuid":"\#(uuid)"}"#)
            let stopTime = clock.now - stopStart
            #expect(stop.status == .ok)
            #expect(stopTime < .seconds(3), "POST /api/move/stop took \(stopTime) during the render")
            #expect(!service.moves.isBusy)
            print(
                "255 KB digest: POST /api/news/recite answered in \(reciteTime); during its render GET "
                    + "/api/daemon/status answered in \(statusTime), POST /api/move/stop in \(stopTime).")

            // The engine is free again: a small digest renders and can be stopped as before.
            let small = try String(contentsOf: Self.digest, encoding: .utf8)
            let again = try await H.call(client, .post, "/api/news/recite", json: small, headers: headers)
            #expect(again.status == .ok, "\(again.text)")
            let next = try #require(try H.object(again.text)["uuid"] as? String)
            #expect(try await H.call(client, .post, "/api/move/stop", json: #"{"uuid":"\#(next)"}"#).status == .ok)
        }
    }

    @Test func withoutASpeakerItSaysSo() async throws {
        try await H.withService { client, _ in
            let text = try String(contentsOf: Self.digest, encoding: .utf8)
            let (status, body) = try await H.call(client, .post, "/api/news/recite", json: text)
            #expect(status == .serviceUnavailable)
            #expect(body == #"{"detail":"This service has no speaker to recite with."}"#)
        }
    }
}
