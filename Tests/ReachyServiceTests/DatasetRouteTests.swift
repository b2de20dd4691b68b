import Foundation
import HTTPTypes
import HummingbirdTesting
import ReachyBridge
import ReachyTestSupport
import Testing

@testable import ReachyService

/// The daemon's recorded-move dataset routes served from local datasets the tests write in the official format
/// (issue 17.3): a `--moves-dir` folder and a Hugging Face hub cache.
@Suite(.serialized) struct DatasetRouteTests {
    typealias H = ServiceHarness
    static let dataset = "test-org/test-emotions"

    /// A `--moves-dir` library with the standard fixture moves (and `extra` raw files); `body` gets it.
    static func withMovesDirectory(
        extra: [String: Data] = [:], _ body: (MoveLibrary) async throws -> Void
    ) async throws {
        let temp = try TemporaryDirectory("dataset-routes")
        defer { temp.remove() }
        let dir = try MoveDatasetFixture.movesDirectory(under: temp.url, dataset: dataset, extra: extra)
        try await body(MoveLibrary(sources: MoveDatasetSources(movesDirectories: [dir], hubCache: nil)))
    }

    @Test func listAnswersTheMoveNamesFromAMovesDirectoryAndFromTheHubCache() async throws {
        try await Self.withMovesDirectory { library in
            try await H.withService(moves: library) { client, _ in
                let list = try await H.call(client, .get, "/api/move/recorded-move-datasets/list/\(Self.dataset)")
                #expect(list.status == .ok)
                #expect(try H.value(list.text) as? [String] == ["happy", "sad", "wild"])
            }
        }
        let temp = try TemporaryDirectory("dataset-routes-hf")
        defer { temp.remove() }
        let home = try MoveDatasetFixture.hubCache(under: temp.url, dataset: Self.dataset)
        let library = MoveLibrary(sources: .standard(environment: ["HF_HOME": home.path]))
        try await H.withService(moves: library) { client, _ in
            let list = try await H.call(client, .get, "/api/move/recorded-move-datasets/list/\(Self.dataset)")
            #expect(list.status == .ok)
            #expect(list.text == #"["happy","sad","wild"]"#)
        }
    }

    @Test func playingAMoveMovesTheRobotIsListedAsRunningAndEnds() async throws {
        try await Self.withMovesDirectory { library in
            try await H.withService(moves: library) { client, service in
                let played = try await H.call(
                    client, .post, "/api/move/play/recorded-move-dataset/\(Self.dataset)/happy")
                #expect(played.status == .ok)
                let uuid = try #require(try H.object(played.text)["uuid"] as? String)
                let running = try H.value(try await H.call(client, .get, "/api/move/running").text)
                #expect((running as? [[String: String]])?.map { $0["uuid"] } == [uuid])
                let ended = try await H.eventually(timeout: 10) {
                    try await H.call(client, .get, "/api/move/running").text == "[]"
                }
                #expect(ended)
                // The last frame: antennas 0.6 / -0.6 rad, head pitched -0.2 rad.
                let reached = await H.eventually(timeout: 5) {
                    guard let a = service.robot.antennas, let pose = service.robot.headPose else { return false }
                    return abs(a.right - 0.6) < 0.05 && abs(a.left + 0.6) < 0.05 && abs(pose.euler.pitch + 0.2) < 0.03
                }
                #expect(reached, "antennas \(String(describing: service.robot.antennas))")
            }
        }
    }

    @Test func aPlayingMoveStopsAndItsSoundGoesToTheSpeaker() async throws {
        let temp = try TemporaryDirectory("dataset-sound")
        defer { temp.remove() }
        let speaker = temp.file("speaker.wav")
        let slow = MoveDatasetFixture.Move(
            name: "slow", seconds: 8, pitch: 0.3, antennas: [1, -1], bodyYaw: 0, sound: .wav)
        let dir = try MoveDatasetFixture.movesDirectory(
            under: temp.url, dataset: Self.dataset, moves: MoveDatasetFixture.standardMoves + [slow])
        let library = MoveLibrary(sources: MoveDatasetSources(movesDirectories: [dir], hubCache: nil))
        try await H.withService(audio: H.wavSpeaker(speaker), moves: library) { client, service in
            let played = try H.object(
                try await H.call(client, .post, "/api/move/play/recorded-move-dataset/\(Self.dataset)/slow").text)
            #expect(played["notice"] == nil)
            let uuid = try #require(played["uuid"] as? String)
            try await Task.sleep(for: .milliseconds(500))
            let stop = try await H.call(client, .post, "/api/move/stop", json: #"{"uuid":"\#(uuid)"}"#)
            #expect(stop.status == .ok)
            #expect(try await H.call(client, .get, "/api/move/running").text == "[]")
            // Stopped early: the antennas are far from the end (1 rad) and stay there.
            try await Task.sleep(for: .milliseconds(300))
            let right = try #require(service.robot.antennas?.right)
            #expect(right < 0.5 && right > 0.01, "antenna at \(right)")
            // The WAV sound was played (the simulator's speaker is a WAV file).
            let wrote = await H.eventually(timeout: 5) {
                ((try? FileManager.default.attributesOfItem(atPath: speaker.path)[.size] as? Int) ?? 0) > 1000
            }
            #expect(wrote, "nothing was written to the speaker")
        }
    }

    @Test func aSoundThatIsNotWAVIsReportedAndTheMoveStillPlays() async throws {
        try await Self.withMovesDirectory { library in
            let temp = try TemporaryDirectory("dataset-mp3")
            defer { temp.remove() }
            try await H.withService(audio: H.wavSpeaker(temp.file("s.wav")), moves: library) { client, service in
                let played = try H.object(
                    try await H.call(client, .post, "/api/move/play/recorded-move-dataset/\(Self.dataset)/sad").text)
                #expect((played["notice"] as? String)?.contains("sad.mp3") == true)
                #expect((played["notice"] as? String)?.contains("only WAV") == true)
                let turned = await H.eventually(timeout: 5) { abs((service.robot.bodyYaw ?? 0) - 0.3) < 0.05 }
                #expect(turned)
            }
        }
    }

    @Test func unknownMovesAndDatasetsAreAnsweredWithWhatToDo() async throws {
        try await Self.withMovesDirectory { library in
            try await H.withService(moves: library) { client, _ in
                let typo = try await H.call(
                    client, .post, "/api/move/play/recorded-move-dataset/\(Self.dataset)/hapy")
                #expect(typo.status == .notFound)
                let detail = H.detailMessages(typo.text).first ?? ""
                #expect(detail.hasPrefix("Move hapy not found in recorded moves library \(Self.dataset)"))
                #expect(detail.contains("Did you mean \"happy\"?"))

                for uri in [
                    "/api/move/recorded-move-datasets/list/pollen-robotics/reachy-mini-emotions-library",
                    "/api/move/play/recorded-move-dataset/pollen-robotics/reachy-mini-emotions-library/happy1",
                ] {
                    let missing = try await H.call(client, uri.contains("/list/") ? .get : .post, uri)
                    #expect(missing.status == .notFound)
                    let message = H.detailMessages(missing.text).first ?? ""
                    #expect(
                        message.contains(
                            "huggingface-cli download --repo-type dataset pollen-robotics/reachy-mini-emotions-library"
                        ))
                    #expect(message.contains("--moves-dir"))
                }
                for (method, uri) in [
                    (HTTPRequest.Method.get, "/api/move/recorded-move-datasets/list/no-org"),
                    (.post, "/api/move/play/recorded-move-dataset/no-org"),
                    (.post, "/api/move/play/recorded-move-dataset/no-org/happy"),
                    (.get, "/api/move/recorded-move-datasets/list/a/..hidden"),
                ] {
                    let bad = try await H.call(client, method, uri)
                    #expect(bad.status == .notFound, "\(uri): \(bad.text)")
                    #expect(H.detailMessages(bad.text).first?.contains("ORG/NAME") == true, "\(uri): \(bad.text)")
                }
                let deeper = try await H.call(client, .get, "/api/move/recorded-move-datasets/list/a/b/c")
                #expect(deeper.status == .notFound)
            }
        }
    }

    @Test func aMalformedMoveFileIsA422ThatNamesTheProblem() async throws {
        try await Self.withMovesDirectory(extra: ["broken.json": Data("{\"time\": [0,".utf8)]) { library in
            try await H.withService(moves: library) { client, _ in
                let list = try await H.call(client, .get, "/api/move/recorded-move-datasets/list/\(Self.dataset)")
                #expect(try H.value(list.text) as? [String] == ["broken", "happy", "sad", "wild"])
                let bad = try await H.call(
                    client, .post, "/api/move/play/recorded-move-dataset/\(Self.dataset)/broken")
                #expect(bad.status == .unprocessableContent)
                #expect(bad.text.contains("broken.json") && bad.text.contains("Not a recorded move"))
                #expect(try await H.call(client, .get, "/api/move/running").text == "[]")
            }
        }
    }

    @Test func theSafetyLimitsClampADatasetMoveBeyondThem() async throws {
        try await Self.withMovesDirectory { library in
            try await H.withService(moves: library) { client, service in
                let played = try await H.call(
                    client, .post, "/api/move/play/recorded-move-dataset/\(Self.dataset)/wild")
                #expect(played.status == .ok)
                var worst = 0.0
                let deadline = ContinuousClock.now + .seconds(3)
                while ContinuousClock.now < deadline {
                    worst = max(worst, abs(service.robot.headPose?.euler.roll ?? 0))
                    try await Task.sleep(for: .milliseconds(20))
                }
                // The file asks for 0.9 rad (52°); the robot stops at 40°.
                #expect(worst > radians(30), "the head did not roll (\(worst) rad)")
                #expect(worst < radians(40) + 0.02, "the head rolled to \(worst) rad, beyond 40°")
            }
        }
    }

    @Test func withTheMotorsOffTheMoveRunsItsDurationWithoutMoving() async throws {
        try await Self.withMovesDirectory { library in
            try await H.withService(moves: library) { client, service in
                _ = try await H.call(client, .post, "/api/motors/set_mode/disabled")
                let before = try #require(service.robot.antennas)
                let played = try H.object(
                    try await H.call(client, .post, "/api/move/play/recorded-move-dataset/\(Self.dataset)/happy")
                        .text)
                #expect((played["notice"] as? String)?.isEmpty == false)
                #expect(try await H.call(client, .get, "/api/move/running").text.contains("uuid"))
                try await Task.sleep(for: .milliseconds(1300))
                #expect(try await H.call(client, .get, "/api/move/running").text == "[]")
                let after = try #require(service.robot.antennas)
                #expect(abs(after.right - before.right) < 0.02)
            }
        }
    }

    @Test func bopPlaysAnEmotionFromTheServicesLibrary() async throws {
        let temp = try TemporaryDirectory("dataset-bop")
        defer { temp.remove() }
        let dir = try MoveDatasetFixture.movesDirectory(under: temp.url, dataset: MoveDatasetID.emotions.description)
        let library = MoveLibrary(sources: MoveDatasetSources(movesDirectories: [dir], hubCache: nil))
        let plain: HTTPFields = [.contentType: "text/plain"]
        try await H.withService(moves: library) { client, service in
            let check = try await H.call(client, .post, "/api/bop/check", json: "play emotion hapy\n", headers: plain)
            #expect(check.text.contains("unknown-emotion") && check.text.contains("happy"))
            let run = try await H.call(
                client, .post, "/api/bop/run", json: "play emotion happy\nwait 5 seconds\n", headers: plain)
            #expect(run.status == .ok, "\(run.text)")
            let reached = await H.eventually(timeout: 15) {
                guard let a = service.robot.antennas else { return false }
                return abs(a.right - 0.6) < 0.05 && abs(a.left + 0.6) < 0.05
            }
            #expect(reached, "antennas \(String(describing: service.robot.antennas))")
            _ = try await H.call(client, .post, "/api/bop/stop")
        }
        // No library: the check says how to get one.
        try await H.withService { client, _ in
            let check = try await H.call(client, .post, "/api/bop/check", json: "play emotion happy\n", headers: plain)
            #expect(check.text.contains("no-emotions") && check.text.contains("huggingface-cli download"))
        }
    }
}
