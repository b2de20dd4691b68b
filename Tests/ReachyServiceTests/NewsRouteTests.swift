import Foundation
import HTTPTypes
import HummingbirdTesting
import ReachyBridge
import ReachyNews
import ReachySpeech
import Testing

@testable import ReachyService

/// `POST /api/news/recite`: a digest's Markdown becomes a recital on the (simulated) robot, stoppable by UUID.
@Suite(.serialized) struct NewsRouteTests {
    typealias H = ServiceHarness

    static var digest: URL {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/", !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path)
        {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("examples/news/digest-2025-12-21.md")
    }

    @Test func recitesADigestAndStopsByUUID() async throws {
        let wav = FileManager.default.temporaryDirectory.appendingPathComponent("service-news-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: wav) }
        let sink: @Sendable () throws -> any AudioSink = { WAVFileSink(url: wav, sampleRate: 16_000) }
        try await H.withService(maxBody: 1 << 20, audio: sink) { client, service in
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

    @Test func withoutASpeakerItSaysSo() async throws {
        try await H.withService { client, _ in
            let text = try String(contentsOf: Self.digest, encoding: .utf8)
            let (status, body) = try await H.call(client, .post, "/api/news/recite", json: text)
            #expect(status == .serviceUnavailable)
            #expect(body == #"{"detail":"This service has no speaker to recite with."}"#)
        }
    }
}
