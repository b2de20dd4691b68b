import ReachyAudio
import Testing

@testable import ReachyBridge

@Suite("Speaker sink")
struct SpeakerSinkTests {
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
