import Foundation
import ReachyMotion
import Synchronization

/// Plays samples to an `AudioSink` on a dedicated thread (never on a Swift concurrency task: the sink blocks).
///
/// Samples go out in 50 ms chunks so `stop()` takes effect quickly. With `pace` (sinks that do not block in real
/// time, such as `WAVFileSink`, the simulator's speaker) each chunk waits for its moment on the robot's clock (real
/// time on a robot, virtual time under a `ManualTickSource`) and the playback ends when the sound would have ended,
/// so motion stays in step with the recording.
public final class AudioPlayback: Sendable {
    /// How a playback ended.
    public enum Outcome: Sendable, Equatable {
        /// Every sample was played.
        case finished
        /// `stop()` was called.
        case stopped
        /// The sink failed.
        case failed(AudioSinkError)
    }

    private let sink: any AudioSink
    private let samples: [Int16]
    private let pace: Bool
    private let clock: RobotClock
    private let stopRequested = Atomic<Bool>(false)

    /// A playback of `samples` (at the sink's rate), paced (with `pace`) on `clock`.
    public init(sink: any AudioSink, samples: [Int16], pace: Bool, clock: RobotClock) {
        self.sink = sink
        self.samples = samples
        self.pace = pace
        self.clock = clock
    }

    /// Seconds of sound.
    public var duration: Double { Double(samples.count) / Double(max(1, sink.sampleRate)) }

    /// Starts the audio thread and returns when it has ended. `started` is called on the audio thread right before
    /// the first sample is handed to the sink.
    public func play(started: @escaping @Sendable () -> Void = {}) async -> Outcome {
        await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
            let thread = Thread { [self] in
                continuation.resume(returning: self.run(started: started))
            }
            thread.name = "reachy.news.audio"
            thread.qualityOfService = .userInteractive
            thread.start()
        }
    }

    /// Stops as soon as possible (any thread).
    public func stop() {
        stopRequested.store(true, ordering: .sequentiallyConsistent)
        sink.stop()
    }

    private func run(started: @Sendable () -> Void) -> Outcome {
        let chunk = max(1, sink.sampleRate / 20)
        let begin = clock.now
        started()
        var index = 0
        while index < samples.count {
            if stopRequested.load(ordering: .sequentiallyConsistent) { return .stopped }
            if pace {
                let due = begin.advanced(by: .nanoseconds(Int64(Double(index) / Double(sink.sampleRate) * 1e9)))
                if due > clock.now { clock.wait(until: due) }
            }
            let end = min(samples.count, index + chunk)
            do {
                try sink.play(Array(samples[index..<end]))
            } catch {
                return .failed(error)
            }
            index = end
        }
        if pace {
            let due = begin.advanced(by: .nanoseconds(Int64(duration * 1e9)))
            while due > clock.now {
                if stopRequested.load(ordering: .sequentiallyConsistent) { return .stopped }
                clock.wait(until: min(due, clock.now.advanced(by: .milliseconds(50))))
            }
        }
        return stopRequested.load(ordering: .sequentiallyConsistent) ? .stopped : .finished
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
