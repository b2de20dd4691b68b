import Foundation
public import ReachyAudio
public import ReachyMotion
public import ReachySpeech

/// Plays a compiled Bop program on the robot with its voice and sounds — the one performer behind `reachy run` and
/// `POST /api/bop/run`, so both behave alike.
///
/// It wakes the robot when its motors are off, moves in one second to the program's first pose, then plays the
/// motion (every frame through the robot's safety path) and, from the same instant, the sound track (every `say`
/// and `play sound` at its time) on the audio sink, paced on the robot's clock. Cancelling the calling task stops
/// the sound at once and the motion where it is; the caller then brings the robot to rest.
public final class BopPerformer: Sendable {
    /// What the performer is doing, for whoever shows progress.
    public enum Event: Sendable, Equatable {
        /// The motors were off: waking up first.
        case wakingUp
        /// Moving to the program's first pose.
        case approaching
        /// Playing starts: the program lasts `seconds` (`truncated`: cut at the time limit).
        case playing(seconds: Double, truncated: Bool)
        /// Something the listener should know (speech longer than planned for it).
        case notice(String)
        /// Line `line` (its text, trimmed) starts moving, speaking or sounding, `time` seconds into the program.
        case line(Int, String, time: Double)
        /// Played to the end.
        case done
    }

    /// Samples per second of the motion played.
    public static let frameRate = 50

    /// The robot.
    public let robot: ReachyMini
    /// The program's timeline.
    public let timeline: Timeline
    /// The motion, sampled at ``frameRate`` (its warnings say what the safety layer changed).
    public let motion: BopMotion
    /// Where the voice and sounds go (nil: the program is silent, or nobody listens).
    public let sink: (any AudioSink)?
    private let lines: [(time: Double, line: Int, text: String)]

    /// Prepares a performance: samples the motion (the sound track is synthesized by ``perform(events:waitForStart:started:)``,
    /// on a thread of its own: speech takes time, and a server must not wait for it on its event loop).
    /// - Throws: ``BopPerformerError``.
    public init(robot: ReachyMini, program: BopResult, sink: (any AudioSink)?) throws(BopPerformerError) {
        guard !program.hasErrors, let timeline = program.timeline else { throw .programHasErrors }
        self.robot = robot
        self.timeline = timeline
        do {
            motion = try BopMotion(timeline: timeline, rate: Self.frameRate)
        } catch {
            throw .motion(String(describing: error))
        }
        self.sink = sink
        lines = Self.lineStarts(timeline, source: program.source)
    }

    /// What the safety layer changed, to tell the listener before playing.
    public var notices: [String] { motion.warnings.map(\.description) }

    /// Seconds the performance lasts once the robot is at the first pose.
    public var duration: Double { timeline.duration.doubleValue }

    /// Wakes the robot if needed, approaches the first pose, plays motion and sound together.
    /// `waitForStart` is awaited at the first pose, right before playing (a fleet's synchronised start waits there
    /// for its instant); `started` is called right before the motion starts (a recorder starts there).
    /// - Throws: `CancellationError`, `ReachyMiniError`, ``BopPerformerError/audio(_:)``, what `waitForStart`
    ///   throws.
    public func perform(
        events: @escaping @Sendable (Event) -> Void = { _ in }, waitForStart: @Sendable () async throws -> Void = {},
        started: @Sendable () -> Void = {}
    ) async throws {
        let track = try await soundTrack()
        for note in track?.notes ?? [] { events(.notice(note)) }
        try Task.checkCancellation()
        if robot.motorMode != .enabled {
            events(.wakingUp)
            try await robot.wakeUp()
        }
        events(.approaching)
        let first = motion.frames.first ?? MoveFrame(head: .identity, antennas: .zero, bodyYaw: 0)
        try await robot.goto(head: first.head, antennas: first.antennas, bodyYaw: first.bodyYaw, duration: 1)
        try await waitForStart()
        events(.playing(seconds: duration, truncated: timeline.truncated))
        let clock = robot.clock
        let origin = clock.now
        let lines = self.lines
        let progress = Task {
            for entry in lines {
                try await clock.sleep(until: origin.advanced(by: .milliseconds(Int64(entry.time * 1000))))
                events(.line(entry.line, entry.text, time: entry.time))
            }
        }
        defer { progress.cancel() }
        let playback = sink.flatMap { sink in
            track.map { AudioPlayback(sink: sink, samples: $0.samples, pacedOn: clock) }
        }
        started()
        let outcome: AudioPlayback.Outcome? = try await withTaskCancellationHandler {
            async let sound: AudioPlayback.Outcome? = playback?.play()
            do {
                try await robot.play(motion.move, initialGotoDuration: 0)
            } catch {
                playback?.stop()
                _ = await sound
                throw error
            }
            return await sound
        } onCancel: {
            playback?.stop()
        }
        try Task.checkCancellation()
        if case .failed(let error) = outcome { throw BopPerformerError.audio(error) }
        events(.done)
    }

    /// The sound track for the sink's sample rate, synthesized on a thread of its own (nil without a sink).
    func soundTrack() async throws(BopPerformerError) -> BopAudioTrack? {
        guard let sink else { return nil }
        let timeline = self.timeline
        do {
            return try await SynthesisThread.run("reachy.bop.synth") { () throws(SpeechError) -> BopAudioTrack in
                try BopAudioTrack(timeline: timeline, sampleRate: sink.sampleRate)
            }
        } catch {
            throw .speech(error)
        }
    }

    /// Line starts: the time each line of the program starts moving, speaking or sounding (once per run of
    /// segments of the same line: a `nod twice` or a dance is many segments of one line).
    static func lineStarts(_ timeline: Timeline, source: SourceText) -> [(time: Double, line: Int, text: String)] {
        var out: [(time: Double, line: Int, text: String)] = []
        var last: Int?
        for segment in timeline.segments {
            if last == segment.line { continue }
            last = segment.line
            let text = source.line(segment.line).trimmingCharacters(in: .whitespaces)
            out.append((segment.start.doubleValue, segment.line, text))
        }
        return out
    }
}

/// Why a Bop program could not be performed, with what to do.
public enum BopPerformerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The program has errors (check it first: nothing moved).
    case programHasErrors
    /// The timeline could not be turned into a move.
    case motion(String)
    /// The speech engine could not say a line.
    case speech(SpeechError)
    /// The speaker (or the WAV file) failed while playing.
    case audio(AudioSinkError)

    public var description: String {
        switch self {
        case .programHasErrors:
            "The program has problems; nothing moved. Fix them (see `reachy check`) and run again."
        case .motion(let reason): "The program could not be turned into a move: \(reason)"
        case .speech(let error): error.description
        case .audio(let error): error.description
        }
    }
}
