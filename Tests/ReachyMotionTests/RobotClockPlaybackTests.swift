import ReachyAudio
import Synchronization
import Testing

@testable import ReachyMotion

/// `RobotClock` is the `PlaybackClock` audio is paced on: on a virtual tick source a recording follows the loop's
/// time, not the machine's.
@Suite("Audio paced on the robot's clock")
struct RobotClockPlaybackTests {
    /// A sink that stamps every write with the robot's time.
    final class StampingSink: AudioSink {
        let sampleRate = 16_000
        let name = "stamping sink"
        let clock: RobotClock
        private let stamps = Mutex<[Duration]>([])

        init(clock: RobotClock) { self.clock = clock }

        /// The robot time of each write.
        var times: [Duration] { stamps.withLock { $0 } }

        func play(_ samples: [Int16]) throws(AudioSinkError) {
            let now = clock.now.offset
            stamps.withLock { $0.append(now) }
        }
        func stop() {}
        func close() throws(AudioSinkError) {}
    }

    @Test func chunksGoOutAtTheirVirtualTimes() async {
        let source = ManualTickSource(rate: 100)
        let clock = RobotClock(source: source)
        let sink = StampingSink(clock: clock)
        // 0.2 s of sound: four 50 ms chunks.
        let playback = AudioPlayback(sink: sink, samples: [Int16](repeating: 1, count: 3_200), pacedOn: clock)
        let outcome = await source.drive { await playback.play() }
        #expect(outcome == .finished)
        #expect(sink.times == [0, 50, 100, 150].map { .milliseconds($0) })
        #expect(clock.now.offset == .milliseconds(200), "the playback ends when the sound would have ended")
    }
}
