import Foundation
public import ReachyAudio
public import ReachyMotion
import ReachySpeech
import Synchronization

/// Performs a rendered recital on the robot: audio to an `AudioSink` on its own thread, gestures and the speech
/// sway as `GestureMove`s played by `ReachyMini.play` (so every frame goes through the robot's safety path), one
/// segment (intro, item, outro) at a time so audio and motion start together at every segment.
///
/// `skip()` (from any thread) cuts the current segment short and goes on with the next one; `togglePause()` stops
/// the voice and holds the head, then resumes the segment where it stopped. Cancelling the
/// calling task stops the audio at once and the motion where it is; the caller then brings the robot to rest.
public final class RecitalPerformer: Sendable {
    /// The robot.
    public let robot: ReachyMini
    /// Where the voice goes.
    public let sink: any AudioSink
    /// Pace the audio on the clock (sinks that do not block in real time, e.g. a WAV file).
    public let pace: Bool
    private let skipRequested = Atomic<Bool>(false)
    private let pauseRequested = Atomic<Bool>(false)

    /// A performer.
    public init(robot: ReachyMini, sink: any AudioSink, pace: Bool) {
        self.robot = robot
        self.sink = sink
        self.pace = pace
    }

    /// Cuts the current segment short (the next one starts).
    public func skip() { skipRequested.store(true, ordering: .sequentiallyConsistent) }

    /// Pauses (voice stopped, head holds) or resumes where it stopped; returns true when now paused.
    @discardableResult
    public func togglePause() -> Bool {
        !pauseRequested.logicalXor(true, ordering: .sequentiallyConsistent).oldValue
    }

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
        let audio =
            rendered.audio.sampleRate == sink.sampleRate
            ? rendered.audio : rendered.audio.resampled(to: sink.sampleRate)
        let track = GestureTrack(plan: plan, sway: rendered.sway)
        let bounds = Self.bounds(of: plan, duration: audio.duration)
        let clock = robot.clock
        let origin = clock.now
        let log = Mutex(RecitalPerformance())
        log.withLock { $0.audio = sink.name }
        func now() -> Double { clock.seconds(since: origin) }

        let recorder: Task<Void, Never>? =
            recordMotion
            ? Task { [robot] in
                for await t in robot.telemetry(buffering: 1024) {
                    let e = t.headPose?.euler
                    let sample = RecitalPerformance.MotionSample(
                        time: clock.seconds(since: origin), goal: t.goal?.motorOrder,
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
            var pending: [RecitalPerformance.Event] =
                segment.sentences.compactMap { s in
                    s.start.map { .init(time: 0, kind: "sentence", name: s.mark, planned: $0) }
                }
                + segment.gestures.compactMap { g in
                    g.time.map { .init(time: 0, kind: "gesture", name: g.gesture, planned: $0) }
                }
            pending.sort { ($0.planned ?? 0) < ($1.planned ?? 0) }
            skipRequested.store(false, ordering: .sequentiallyConsistent)
            log.withLock { $0.events.append(.init(time: now(), kind: "segment", name: segment.id, planned: a)) }
            var next = 0
            var skipped = false
            var offset = 0.0  // seconds of this segment already played (pauses resume from here)
            var outcome = AudioPlayback.Outcome.finished
            while true {
                let move = GestureMove(track: track, start: a + offset, duration: b - a - offset)
                if needsGoto {
                    // After a skip or a pause the robot is somewhere else in the track: join it first.
                    let first = move.evaluate(0)
                    try await robot.goto(head: first.head, antennas: first.antennas, bodyYaw: 0, duration: 0.3)
                    needsGoto = false
                }
                let lo = min(audio.samples.count, max(0, Int(((a + offset) * Double(audio.sampleRate)).rounded())))
                let hi = min(audio.samples.count, max(lo, Int((b * Double(audio.sampleRate)).rounded())))
                let playback = AudioPlayback(
                    sink: sink, samples: Array(audio.samples[lo..<hi]), pacedOn: pace ? clock : nil)
                let partStart = now()
                let done = DoneFlag()
                var pausedAfter: Double?
                outcome = try await withTaskCancellationHandler {
                    async let sound: AudioPlayback.Outcome = {
                        let o = await playback.play()
                        done.set()
                        return o
                    }()
                    async let motion: Void = robot.play(move, initialGotoDuration: 0)
                    while !done.isSet {
                        let elapsed = offset + now() - partStart
                        while next < pending.count, (pending[next].planned ?? 0) - a <= elapsed {
                            var e = pending[next]
                            e.time = now()
                            log.withLock { $0.events.append(e) }
                            next += 1
                        }
                        if !skipped, pausedAfter == nil, skipRequested.load(ordering: .sequentiallyConsistent) {
                            skipped = true
                            log.withLock { $0.events.append(.init(time: now(), kind: "skip", name: segment.id)) }
                            playback.stop()
                            robot.cancel()
                        }
                        if !skipped, pausedAfter == nil, pauseRequested.load(ordering: .sequentiallyConsistent) {
                            pausedAfter = elapsed
                            log.withLock { $0.events.append(.init(time: now(), kind: "pause", name: segment.id)) }
                            playback.stop()
                            robot.cancel()
                        }
                        try await clock.sleep(for: .milliseconds(10))
                    }
                    let o = await sound
                    do {
                        try await motion
                    } catch ReachyMiniError.interrupted where skipped || pausedAfter != nil {
                        needsGoto = true
                    }
                    return o
                } onCancel: {
                    playback.stop()
                }
                if case .failed = outcome { break }
                guard let paused = pausedAfter else { break }
                progress("Paused (send SIGUSR2 again to resume).")
                while pauseRequested.load(ordering: .sequentiallyConsistent) {
                    try await clock.sleep(for: .milliseconds(20))
                }
                log.withLock { $0.events.append(.init(time: now(), kind: "resume", name: segment.id)) }
                progress("Resumed.")
                offset = min(b - a, paused)
            }
            if !skipped {
                // Whatever was planned for the very end of the segment.
                for var e in pending[next...] {
                    e.time = now()
                    log.withLock { $0.events.append(e) }
                }
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
