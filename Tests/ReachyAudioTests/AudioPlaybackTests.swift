import Testing

@testable import ReachyAudio

@Suite("Audio playback")
struct AudioPlaybackTests {
    /// `count` distinct samples, so a write can be told from another.
    static func ramp(_ count: Int) -> [Int16] { (0..<count).map { Int16(truncatingIfNeeded: $0) } }

    @Test func pacedPlaybackWritesEachChunkAtItsTimeAndEndsWhenTheSoundEnds() async {
        // 16 kHz: 800-sample (50 ms) chunks. 3,300 samples = four whole chunks and one of 100, 206.25 ms of sound.
        let clock = VirtualPlaybackClock(start: .seconds(7))
        let sink = RecordingSink(sampleRate: 16_000, clock: clock)
        let samples = Self.ramp(3_300)
        let playback = AudioPlayback(sink: sink, samples: samples, pacedOn: clock)
        #expect(await playback.play() == .finished)

        let writes = sink.writes
        let start = Duration.seconds(7)
        #expect(writes.map(\.time) == [0, 50, 100, 150, 200].map { start + .milliseconds($0) })
        #expect(writes.map(\.samples.count) == [800, 800, 800, 800, 100])
        #expect(writes.flatMap(\.samples) == samples)
        #expect(clock.now.offset == start + .microseconds(206_250), "the playback lasts as long as the sound")
    }

    @Test func pacingFollowsTheSinkRate() async {
        // 8 kHz: 400-sample chunks, still 50 ms apart; 1,000 samples last 125 ms.
        let clock = VirtualPlaybackClock()
        let sink = RecordingSink(sampleRate: 8_000, clock: clock)
        #expect(await AudioPlayback(sink: sink, samples: Self.ramp(1_000), pacedOn: clock).play() == .finished)
        #expect(sink.writes.map(\.time) == [.zero, .milliseconds(50), .milliseconds(100)])
        #expect(clock.now.offset == .milliseconds(125))
    }

    @Test func unpacedPlaybackLeavesThePaceToTheSink() async {
        let clock = VirtualPlaybackClock()
        let sink = RecordingSink(sampleRate: 16_000, clock: clock)
        let samples = Self.ramp(2_000)
        #expect(await AudioPlayback(sink: sink, samples: samples).play() == .finished)
        #expect(sink.writes.map(\.time) == [.zero, .zero, .zero])
        #expect(sink.writes.flatMap(\.samples) == samples)
        #expect(clock.waits.isEmpty)
    }

    @Test func startedIsCalledBeforeTheFirstWrite() async {
        let sink = RecordingSink(sampleRate: 16_000)
        #expect(await AudioPlayback(sink: sink, samples: Self.ramp(10)).play { sink.mark() } == .finished)
        #expect(sink.marks == [0])
        #expect(sink.writes.count == 1)
    }

    @Test func stopEndsThePlaybackAtTheNextChunkAndStopsTheSink() async {
        let clock = VirtualPlaybackClock()
        let sink = RecordingSink(sampleRate: 16_000, clock: clock)
        let playback = AudioPlayback(sink: sink, samples: Self.ramp(16_000), pacedOn: clock)
        sink.afterWrite { number in if number == 1 { playback.stop() } }
        #expect(await playback.play() == .stopped)
        #expect(sink.writes.count == 2)
        #expect(sink.stops == 1)
        #expect(clock.now.offset == .milliseconds(50), "no waiting after a stop")
    }

    @Test func aFailingSinkEndsThePlaybackWithItsError() async {
        let sink = RecordingSink(sampleRate: 16_000, failAt: 2)
        let outcome = await AudioPlayback(sink: sink, samples: Self.ramp(4_000)).play()
        #expect(outcome == .failed(.unavailable(sink: "recording sink", reason: "failing on purpose")))
        #expect(sink.writes.count == 2)
    }

    @Test func startReturnsAtOnceAndReportsTheEnd() async {
        let sink = RecordingSink(sampleRate: 16_000)
        let outcome: AudioPlayback.Outcome = await withCheckedContinuation { continuation in
            AudioPlayback(sink: sink, samples: Self.ramp(100)).start { continuation.resume(returning: $0) }
        }
        #expect(outcome == .finished)
        #expect(sink.writes.flatMap(\.samples) == Self.ramp(100))
    }

    @Test func durationIsTheSoundsLength() {
        let sink = RecordingSink(sampleRate: 16_000)
        #expect(AudioPlayback(sink: sink, samples: Self.ramp(24_000)).duration == 1.5)
    }
}
