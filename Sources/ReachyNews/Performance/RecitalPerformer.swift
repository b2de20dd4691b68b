import Foundation
import ReachyMotion
import ReachySpeech
import Synchronization

/// Performs a rendered recital on the robot: audio to an `AudioSink` on its own thread, gestures and the speech
/// sway as `GestureMove`s played by `ReachyMini.play` (so every frame goes through the robot's safety path), one
/// segment (intro, item, outro) at a time so audio and motion start together at every segment.
///
/// `skip()` (from any thread) cuts the current segment short and goes on with the next one. Cancelling the
/// calling task stops the audio at once and the motion where it is; the caller then brings the robot to rest.
public final class RecitalPerformer: Sendable {
    /// The robot.
    public let robot: ReachyMini
    /// Where the voice goes.
    public let sink: any AudioSink
    /// Pace the audio on the clock (sinks that do not block in real time, e.g. a WAV file).
    public let pace: Bool
    private let skipRequested = Atomic<Bool>(false)

    /// A performer.
    public init(robot: ReachyMini, sink: any AudioSink, pace: Bool) {
        self.robot = robot
        self.sink = sink
        self.pace = pace
    }

    /// Cuts the current segment short (the next one starts).
    public func skip() { skipRequested.store(true, ordering: .sequentiallyConsistent) }

    /// Where each segment starts and ends in the audio: a segment starts at its first sentence (the intro at 0)
    /// and lasts until the next one starts (so an item owns its pause and the look toward the audience in it).
    public static func bounds(of plan: RecitalPlan, duration: Double) -> [(start: Double, end: Double)] {
        var starts: [Double] = []
        for (k, segment) in plan.segments.enumerated() {
            let previous = starts.last ?? 0
            let start = k == 0 ? 0 : (segment.sentences.first?.start ?? previous)
            starts.append(min(duration, max(previous, start)))
        }
        return starts.enumerated().map { k, s in (s, k + 1 < starts.count ? starts[k + 1] : duration) }
    }

    /// Plays the recital. `progress` receives one line per segment ("Item 2/9: headline").
    /// - Throws: `CancellationError`, `ReachyMiniError`, `AudioSinkError`.
    public func perform(
        _ rendered: RecitalRenderer.Rendered, recordMotion: Bool = false,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> RecitalPerformance {
        let plan = rendered.plan
        let audio = rendered.audio.sampleRate == sink.sampleRate ? rendered.audio : rendered.audio.resampled(to: sink.sampleRate)
        let track = GestureTrack(plan: plan, sway: rendered.sway)
        let bounds = Self.bounds(of: plan, duration: audio.duration)
        let clock = ContinuousClock()
        let origin = clock.now
        let log = Mutex(RecitalPerformance())
        log.withLock { $0.audio = sink.name }
        func now() -> Double { AudioPlayback.seconds(clock.now - origin) }

        let recorder: Task<Void, Never>? =
            recordMotion
            ? Task { [robot] in
                for await t in robot.telemetry() {
                    let e = t.headPose?.euler
                    let sample = RecitalPerformance.MotionSample(
                        time: AudioPlayback.seconds(clock.now - origin), goal: t.goal?.motorOrder,
                        head: e.map { [degrees($0.roll), degrees($0.pitch), degrees($0.yaw)] },
                        antennas: t.joints.map { [degrees($0.antennas.right), degrees($0.antennas.left)] })
                    log.withLock { $0.motion.append(sample) }
                }
            } : nil
        defer { recorder?.cancel() }

        let itemCount = plan.items.count
        var needsGoto = false
        for (k, segment) in plan.segments.enumerated() {
            try Task.checkCancellation()
            let (a, b) = bounds[k]
            switch segment.kind {
            case .intro: progress("Intro: \(segment.sentences.first?.text ?? "")")
            case .item: progress("Item \(segment.number ?? k)/\(itemCount): \(segment.headline ?? "")")
            case .outro: progress("Outro.")
            }
            let move = GestureMove(track: track, start: a, duration: b - a)
            if needsGoto {
                // After a skip the robot is somewhere else in the track: join it first.
                let first = move.evaluate(0)
                try await robot.goto(head: first.head, antennas: first.antennas, bodyYaw: 0, duration: 0.3)
                needsGoto = false
            }
            let lo = min(audio.samples.count, max(0, Int((a * Double(audio.sampleRate)).rounded())))
            let hi = min(audio.samples.count, max(lo, Int((b * Double(audio.sampleRate)).rounded())))
            let playback = AudioPlayback(sink: sink, samples: Array(audio.samples[lo..<hi]), pace: pace)
            var pending: [RecitalPerformance.Event] =
                segment.sentences.compactMap { s in
                    s.start.map { .init(time: 0, kind: "sentence", name: s.mark, planned: $0) }
                }
                + segment.gestures.compactMap { g in
                    g.time.map { .init(time: 0, kind: "gesture", name: g.gesture, planned: $0) }
                }
            pending.sort { ($0.planned ?? 0) < ($1.planned ?? 0) }
            skipRequested.store(false, ordering: .sequentiallyConsistent)
            let segmentStart = now()
            log.withLock {
                $0.events.append(.init(time: segmentStart, kind: "segment", name: segment.id, planned: a))
            }
            let done = DoneFlag()
            var skipped = false
            let outcome: AudioPlayback.Outcome = try await withTaskCancellationHandler {
                async let sound: AudioPlayback.Outcome = {
                    let o = await playback.play()
                    done.set()
                    return o
                }()
                async let motion: Void = robot.play(move, initialGotoDuration: 0)
                var next = 0
                while !done.isSet {
                    let elapsed = now() - segmentStart
                    while next < pending.count, (pending[next].planned ?? 0) - a <= elapsed {
                        var e = pending[next]
                        e.time = segmentStart + elapsed
                        log.withLock { $0.events.append(e) }
                        next += 1
                    }
                    if !skipped, skipRequested.load(ordering: .sequentiallyConsistent) {
                        skipped = true
                        log.withLock { $0.events.append(.init(time: now(), kind: "skip", name: segment.id)) }
                        playback.stop()
                        robot.cancel()
                    }
                    try await Task.sleep(for: .milliseconds(10))
                }
                let o = await sound
                do {
                    try await motion
                } catch ReachyMiniError.interrupted where skipped {
                    needsGoto = true
                }
                if !skipped {
                    // Whatever was planned for the very end of the segment.
                    for var e in pending[next...] {
                        e.time = now()
                        log.withLock { $0.events.append(e) }
                    }
                }
                return o
            } onCancel: {
                playback.stop()
            }
            if case .failed(let error) = outcome { throw error }
            try Task.checkCancellation()
            log.withLock {
                $0.segments.append(
                    .init(
                        id: segment.id, kind: segment.kind.rawValue, number: segment.number,
                        headline: segment.headline, audioStart: a, audioEnd: b, skipped: skipped))
            }
        }
        recorder?.cancel()
        return log.withLock { $0 }
    }
}

/// Set once by the audio task when the sound has ended.
final class DoneFlag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .sequentiallyConsistent) }
    var isSet: Bool { value.load(ordering: .sequentiallyConsistent) }
}
