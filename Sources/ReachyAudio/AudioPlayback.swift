import Foundation
import Synchronization

/// Plays samples to an ``AudioSink`` on a dedicated thread (never on a Swift concurrency task: the sink blocks) —
/// the one audio playback thread of the package, used by the Bop and news performers and the service's sounds.
///
/// Samples go out in 50 ms chunks so `stop()` takes effect quickly. Paced on a clock (sinks that do not block in real
/// time, such as ``WAVFileSink``, the simulator's speaker), each chunk waits for its moment on that clock (the
/// robot's: real time on a robot, virtual time under a `ManualTickSource`) and the playback ends when the sound
/// would have ended, so motion stays in step with the recording. Unpaced, the sink sets the pace (a sound card).
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
    private let clock: (any PlaybackClock)?
    private let stopRequested = Atomic<Bool>(false)

    /// A playback of `samples` (at the sink's rate), paced on `clock` when one is given.
    public init(sink: any AudioSink, samples: [Int16], pacedOn clock: (any PlaybackClock)? = nil) {
        self.sink = sink
        self.samples = samples
        self.clock = clock
    }

    /// Seconds of sound.
    public var duration: Double { Double(samples.count) / Double(max(1, sink.sampleRate)) }

    /// Starts the audio thread and returns when it has ended. `started` is called on the audio thread right before
    /// the first sample is handed to the sink.
    public func play(started: @escaping @Sendable () -> Void = {}) async -> Outcome {
        await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
            start(started: started) { continuation.resume(returning: $0) }
        }
    }

    /// Starts the audio thread and returns at once (for callers that do not wait, such as a request that only
    /// starts a sound). `ended` is called on the audio thread with the outcome; closing the sink is the caller's.
    public func start(
        started: @escaping @Sendable () -> Void = {}, ended: @escaping @Sendable (Outcome) -> Void
    ) {
        let thread = Thread { [self] in
            Thread.current.name = "reachy.audio"  // (set on the thread: Linux does not keep a name set before start)
            ended(self.run(started: started))
        }
        thread.qualityOfService = .userInteractive
        thread.start()
    }

    /// Stops as soon as possible (any thread).
    public func stop() {
        stopRequested.store(true, ordering: .sequentiallyConsistent)
        sink.stop()
    }

    private var isStopRequested: Bool { stopRequested.load(ordering: .sequentiallyConsistent) }

    private func run(started: @Sendable () -> Void) -> Outcome {
        let rate = max(1, sink.sampleRate)
        let chunk = max(1, rate / 20)
        let pacer = clock.map { PlaybackPacer($0) }
        started()
        var index = 0
        while index < samples.count {
            if isStopRequested { return .stopped }
            pacer?.wait(until: PlaybackPacer.offset(ofSample: index, sampleRate: rate))
            let end = min(samples.count, index + chunk)
            do {
                try sink.play(Array(samples[index..<end]))
            } catch {
                return .failed(error)
            }
            index = end
        }
        if let pacer {
            let end = PlaybackPacer.offset(ofSample: samples.count, sampleRate: rate)
            while pacer.elapsed < end {
                if isStopRequested { return .stopped }
                pacer.wait(until: min(end, pacer.elapsed + .milliseconds(50)))
            }
        }
        return isStopRequested ? .stopped : .finished
    }
}
