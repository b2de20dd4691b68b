import Foundation
import HTTPTypes
import HummingbirdTesting
import ReachyAudio
import ReachyBridge
import ReachyTestSupport
import Synchronization
import Testing

@testable import ReachyService

/// `POST /api/bop/run` plays the program's voice and sounds through the same performer as `reachy run`: the same
/// program gives the same audio through both (issue 14; the playground used to be silent).
@Suite(.serialized) struct BopVoiceTests {
    typealias H = ServiceHarness

    static let program = "level 2\nsay hello there\nnod\nplay sound ding\nlook left 20\n"

    static func samples(_ url: URL) throws -> [Int16] { try WAVFile.read(from: url).samples }

    @Test func runSpeaksThroughTheServiceLikeTheCLI() async throws {
        let dir = try TemporaryDirectory("bop-voice")
        defer { dir.remove() }
        let served = dir.file("served.wav")
        try await H.withService(audio: H.wavSpeaker(served)) { client, service in
            let body = try String(data: JSONEncoder().encode(["program": Self.program]), encoding: .utf8) ?? ""
            let (status, answer) = try await H.call(client, .post, "/api/bop/run", json: body)
            #expect(status == .ok, "\(answer)")
            #expect(
                await H.eventually(timeout: 30) {
                    !service.moves.isBusy && FileManager.default.fileExists(atPath: served.path)
                })
        }
        let voice = try Self.samples(served)
        // The track lasts the program (say 2 words = 0.8 s, nod, sound, look) and is not silent.
        #expect(voice.count > 16_000)
        #expect((voice.map { abs(Int($0)) }.max() ?? 0) > 3_000)

        // The CLI's performer writes the same samples for the same program.
        let file = dir.file("p.bop")
        try Self.program.write(to: file, atomically: true, encoding: .utf8)
        let cliWAV = dir.file("cli.wav")
        let run = try WatchedProcess.reachy(["run", file.path, "--sim", "--virtual-time", "--wav", cliWAV.path])
        #expect(await run.waitForExit(timeout: 120) == 0, "\(run.stderr)")
        // Same length (the program's), and the same sound at the same moments: espeak-ng's output depends slightly on
        // what the engine said before in the same process, so the comparison is of the loudness every 50 ms, not of
        // the samples.
        let cli = try Self.samples(cliWAV)
        #expect(cli.count == voice.count)
        let a = Self.loudness(cli)
        let b = Self.loudness(voice)
        let differing = zip(a, b).filter { abs($0 - $1) > max(400, 0.3 * max($0, $1)) }.count
        #expect(differing <= a.count / 20, "\(differing) of \(a.count) windows differ: \(a) vs \(b)")
    }

    /// Root-mean-square level of every 50 ms of 16 kHz audio.
    static func loudness(_ samples: [Int16]) -> [Double] {
        stride(from: 0, to: samples.count, by: 800).map { start in
            let window = samples[start..<min(samples.count, start + 800)]
            return (window.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(max(1, window.count))).squareRoot()
        }
    }

    @Test func aSilentProgramOpensNoSpeaker() async throws {
        let opened = OpenCounter()
        let sink: @Sendable () throws -> any AudioSink = {
            opened.increment()
            return WAVFileSink(url: FileManager.default.temporaryDirectory.appendingPathComponent("unused.wav"))
        }
        try await H.withService(audio: sink) { client, service in
            let (status, answer) = try await H.call(client, .post, "/api/bop/run", json: #"{"program": "nod\n"}"#)
            #expect(status == .ok, "\(answer)")
            #expect(await H.eventually(timeout: 30) { !service.moves.isBusy })
        }
        #expect(opened.value == 0)
    }

    @Test func withoutASpeakerTheAnswerSaysTheVoiceIsNotPlayed() async throws {
        try await H.withService { client, service in
            let body = try String(data: JSONEncoder().encode(["program": "say \"hi\"\n"]), encoding: .utf8) ?? ""
            let (status, answer) = try await H.call(client, .post, "/api/bop/run", json: body)
            #expect(status == .ok, "\(answer)")
            let warnings = try #require(try H.object(answer)["warnings"] as? [String])
            #expect(warnings.contains { $0.contains("no speaker") })
            #expect(await H.eventually(timeout: 30) { !service.moves.isBusy })
        }
    }
}

/// A thread-safe count.
final class OpenCounter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
