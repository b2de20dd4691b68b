import Bop
import Foundation
import HTTPTypes
import ReachyAudio
import ReachyTestSupport
import Testing

@testable import ReachyService

/// `POST /api/media/play_sound`: a built-in sound, at the service's volume, played through `AudioPlayback` on the
/// speaker the service was given; a speaker that cannot be opened is reported, not ignored.
@Suite("Play sound route")
struct PlaySoundTests {
    typealias H = ServiceHarness

    @Test func aBuiltInSoundIsPlayedAtTheVolumeThroughTheSink() async throws {
        let dir = try TemporaryDirectory("play-sound")
        defer { dir.remove() }
        let wav = dir.file("speaker.wav")
        try await H.withService(audio: H.wavSpeaker(wav)) { client, _ in
            #expect(try await H.call(client, .post, "/api/volume/set", json: #"{"volume":25}"#).status == .ok)
            let (status, answer) = try await H.call(
                client, .post, "/api/media/play_sound", json: #"{"file":"chime.wav"}"#)
            #expect(status == .ok, "\(answer)")
            // The answer comes at once; the sink is closed (the file completed) when the sound has been played.
            #expect(await H.eventually(timeout: 30) { FileManager.default.fileExists(atPath: wav.path) })
        }
        let expected = SoundLibrary.samples("chime", sampleRate: 16_000, seconds: 3).map {
            Int16(clamping: Int((Double($0) * 0.25).rounded()))
        }
        #expect(!expected.isEmpty)
        #expect(try WAVFile.read(from: wav).samples == expected)
    }

    @Test func aSpeakerThatCannotOpenIsReported() async throws {
        let sink: @Sendable () throws -> any AudioSink = {
            throw AudioSinkError.unavailable(sink: "Reachy Mini Audio", reason: "device busy")
        }
        try await H.withService(audio: sink) { client, _ in
            let (status, answer) = try await H.call(client, .post, "/api/media/play_sound", json: #"{"file":"chime"}"#)
            #expect(status == .serviceUnavailable)
            #expect(answer.contains("Cannot open the speaker"))
            #expect(answer.contains("device busy"))
            #expect(answer.contains("reachy doctor"))
        }
    }
}
