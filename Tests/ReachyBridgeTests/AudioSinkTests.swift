import Foundation
import ReachySpeech
import Testing

@testable import ReachyBridge

@Suite("Audio sinks")
struct AudioSinkTests {
    @Test func wavSinkRecordsEverythingPlayedInOrder() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: url) }
        let sink = WAVFileSink(url: url, sampleRate: 16_000)
        try sink.play([1, 2, 3])
        try sink.silence(seconds: 0.001)
        try sink.play([-4])
        #expect(abs(sink.duration - 20.0 / 16_000) < 1e-12)
        try sink.close()
        #expect(throws: AudioSinkError.closed(sink: url.lastPathComponent)) { try sink.play([5]) }
        let file = try WAVFile.read(from: url)
        #expect(file.sampleRate == 16_000)
        #expect(file.samples == [1, 2, 3] + [Int16](repeating: 0, count: 16) + [-4])
    }

    @Test func speakerSinkPlaysOnTheNullDevice() throws {
        let sink = try SpeakerSink.device("null")
        #expect(sink.sampleRate == 16_000)
        try sink.play([Int16](repeating: 1000, count: 1600))
        try sink.close()
    }

    @Test func aMissingCardIsExplained() {
        #expect(throws: AudioSinkError.self) { try SpeakerSink.device("hw:CARD=NoSuchCard,DEV=0") }
    }
}
