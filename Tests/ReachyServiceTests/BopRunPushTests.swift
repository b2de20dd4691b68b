import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ReachyAudio
import ReachyTestSupport
import Testing

@testable import ReachyService

/// What the playground performs with (issue 15): a run's progress pushed over `/ws/bop/{uuid}`, its timeline
/// picture, and on the simulator its voice and sounds as a WAV for the page — without a browser.
@Suite(.serialized) struct BopRunPushTests {
    typealias H = ServiceHarness

    static let program = "level 2\nsay hello there\nnod\nlook left 20\nwiggle antennas\n"

    static func runBody(_ program: String) throws -> String {
        String(decoding: try JSONEncoder().encode(["program": program]), as: UTF8.self)
    }

    @Test func theRunsProgressIsPushedInOrderThenTheEnd() async throws {
        let dir = try TemporaryDirectory("bop-push")
        defer { dir.remove() }
        try await H.withService(audio: H.wavSpeaker(dir.file("served.wav"))) { client, service in
            let port = try #require(client.port)
            let (status, text) = try await H.call(client, .post, "/api/bop/run", json: try Self.runBody(Self.program))
            #expect(status == .ok, "\(text)")
            let answer = try H.object(text)
            let uuid = try #require(answer["uuid"] as? String)
            #expect(answer["events"] as? String == "/ws/bop/\(uuid)")
            #expect(answer["timeline"] as? String == "/api/bop/timeline/\(uuid)")
            #expect(answer["audio"] as? String == "/api/bop/audio/\(uuid)")
            let speech = try #require(answer["speech"] as? [[String: Any]])
            #expect(speech.count == 1)
            #expect(speech.first?["text"] as? String == "hello there")
            #expect(speech.first?["line"] as? Int == 2)
            #expect(speech.first?["start"] as? Double == 0)

            let messages = try await H.webSocket(port: port, path: "/ws/bop/\(uuid)", timeout: 60) { received in
                received.last?.contains("bop_finished") == true
            }
            let objects = try messages.map { try H.object($0) }
            let progress = objects.filter { $0["type"] as? String == "bop_progress" }
            #expect(progress.map { $0["index"] as? Int } == Array(0..<progress.count).map { Optional($0) })
            let lines = progress.filter { $0["kind"] as? String == "line" }.compactMap { $0["line"] as? Int }
            #expect(lines == [2, 3, 4, 5])
            #expect(progress.first { $0["kind"] as? String == "playing" }?["time"] as? Double != nil)
            #expect(progress.allSatisfy { ($0["at"] as? Double ?? 0) > 1_700_000_000 })
            #expect(progress.last?["kind"] as? String == "done")
            #expect(objects.last?["type"] as? String == "bop_finished")
            #expect(objects.last?["outcome"] as? String == "completed")

            // The same events as the polling route, text for text; a socket opened after the end replays them all.
            let (_, polled) = try await H.call(client, .get, "/api/bop/events/\(uuid)")
            let polledTexts = (try H.object(polled)["events"] as? [[String: Any]] ?? []).map { $0["text"] as? String }
            #expect(progress.map { $0["text"] as? String } == polledTexts)
            let again = try await H.webSocket(port: port, path: "/ws/bop/\(uuid)", timeout: 10) { received in
                received.last?.contains("bop_finished") == true
            }
            #expect(again == messages)

            // The timeline picture, with what the page needs to place the playhead.
            let (svgStatus, svg) = try await H.call(client, .get, "/api/bop/timeline/\(uuid)")
            #expect(svgStatus == .ok)
            #expect(svg.hasPrefix("<svg"))
            #expect(svg.contains("data-pixels-per-second=\"") && svg.contains("data-origin-x=\"110\""))
            #expect(svg.contains("data-line=\"2\"") && svg.contains("data-line=\"5\""))

            // The voice for the page: a WAV as long as the program, not silent where it says hello.
            let wav = try await client.execute(uri: "/api/bop/audio/\(uuid)", method: .get) { response in
                (response.status, response.headers[.contentType], [UInt8](buffer: response.body))
            }
            #expect(wav.0 == .ok)
            #expect(wav.1 == "audio/wav")
            let file = try WAVFile.decode(wav.2)
            #expect(file.sampleRate == BopRunMedia.sampleRate)
            let seconds = Double(file.samples.count) / Double(file.sampleRate)
            #expect(seconds > 2 && seconds < 30, "\(seconds) s")
            let firstSecond = file.samples.prefix(file.sampleRate).map { abs(Int($0)) }.max() ?? 0
            #expect(firstSecond > 3_000, "the first second (\"hello there\") is silent")
            _ = service
        }
    }

    @Test func unknownRunsAreRefusedWithAReason() async throws {
        try await H.withService { client, _ in
            let port = try #require(client.port)
            let unknown = UUID().uuidString
            for (path, why) in [
                ("/ws/bop/\(unknown)", "POST /api/bop/run"), ("/ws/bop/nope", "must be a run's UUID"),
            ] {
                let messages = try await H.webSocket(port: port, path: path, timeout: 10) { _ in false }
                #expect(messages.count == 1, "\(path): \(messages)")
                let refusal = try H.object(try #require(messages.first))
                #expect(refusal["type"] as? String == "bop_error")
                #expect((refusal["detail"] as? String)?.contains(why) == true, "\(refusal)")
            }
            let (socket, head) = try RawWebSocket.open(port: port, path: "/ws/bop/\(unknown)")
            defer { socket.close() }
            #expect(head.hasPrefix("HTTP/1.1 101"), "\(head)")
            #expect(socket.closeCode() == 1008)
            for path in ["/api/bop/audio/\(unknown)", "/api/bop/timeline/\(unknown)"] {
                let (status, why) = try await H.call(client, .get, path)
                #expect(status == .notFound, "\(path): \(why)")
            }
        }
    }

    @Test func onARobotThePageGetsNoAudioButTheWords() async throws {
        let dir = try TemporaryDirectory("bop-push-robot")
        defer { dir.remove() }
        try await H.withService(audio: H.wavSpeaker(dir.file("speaker.wav")), simulated: false) { client, service in
            let (status, text) = try await H.call(client, .post, "/api/bop/run", json: try Self.runBody(Self.program))
            #expect(status == .ok, "\(text)")
            let answer = try H.object(text)
            let uuid = try #require(answer["uuid"] as? String)
            #expect(answer["audio"] is NSNull || answer["audio"] == nil)
            #expect((answer["speech"] as? [[String: Any]])?.first?["text"] as? String == "hello there")
            let (refused, why) = try await H.call(client, .get, "/api/bop/audio/\(uuid)")
            #expect(refused == .conflict)
            #expect(why.contains("own speaker"))
            _ = await H.eventually(timeout: 30) { !service.moves.isBusy }
        }
    }
}
