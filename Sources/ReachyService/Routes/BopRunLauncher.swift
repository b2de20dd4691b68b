import Bop
import Foundation
import HTTPTypes
import ReachyAudio

/// Starts a checked Bop program on the service's robot: the one run path behind `POST /api/bop/run` and the fleet
/// agent's `run` and `say` commands — the same performer, speaker policy, move registry (one move at a time) and run
/// log, so a program sent over the network is played exactly like one posted locally.
enum BopRunLauncher {
    /// A run that has started.
    struct Launch {
        /// The run's move UUID (`/api/move/running`, `/api/bop/events/{uuid}`).
        var uuid: UUID
        /// Its performer (duration, notices).
        var performer: BopPerformer
        /// Its timeline picture and sound for the page.
        var media: BopRunMedia
        /// What the listener should know (safety-layer changes, no speaker).
        var warnings: [String]
    }

    /// Starts `result` (compiled without errors) as a move: `waitForStart` is awaited at the first pose, `started`
    /// is called when the motion starts, `onEnd` once with how the run ended.
    /// - Throws: ``ServiceError``: 422 for a program that cannot be played, 503 when it speaks and the speaker
    ///   cannot be opened, 409 while a move runs.
    static func start(
        _ result: BopResult, on service: RobotService,
        waitForStart: @escaping @Sendable () async throws -> Void = {},
        started: @escaping @Sendable () -> Void = {},
        onEnd: @escaping @Sendable (MoveRegistry.Outcome) -> Void = { _ in }
    ) throws(ServiceError) -> Launch {
        guard !result.hasErrors, let timeline = result.timeline else {
            throw .unprocessable("The program has problems; nothing moved. Fix them and run again.")
        }
        let robot = service.robot
        // Voice and sounds go where the service's speaker is (the robot's, or a WAV file on the simulator),
        // through the same performer as `reachy run`.
        let sink: (any AudioSink)?
        do {
            sink = BopAudioTrack.hasSound(timeline) ? try service.makeAudioSink?() : nil
        } catch {
            throw ServiceError(.serviceUnavailable, "The program speaks or plays sounds, but \(error)")
        }
        let performer: BopPerformer
        do throws(BopPerformerError) {
            performer = try BopPerformer(robot: robot, program: result, sink: sink)
        } catch {
            try? sink?.close()
            throw .unprocessable(error.description)
        }
        let silent = BopAudioTrack.hasSound(timeline) && sink == nil
        let progress = BopRunProgress(language: result.language)
        // What the safety layer will change, at its lines, before anything plays (the page marks those lines).
        for warning in performer.motion.warnings { progress.warn(warning) }
        let media = BopRunMedia(timeline: timeline, source: result.source, simulated: service.simulated)
        let (uuid, launched) = service.moves.start(kind: "bop") {
            defer { try? sink?.close() }
            try await performer.perform(
                events: { progress.record($0) }, waitForStart: waitForStart, started: { started() })
        } onEnd: { _, outcome in
            progress.finish(outcome)
            onEnd(outcome)
        }
        guard launched else {
            try? sink?.close()
            throw .conflict(
                "A move is running (GET /api/move/running); stop it (POST /api/bop/stop or /api/move/stop) first.")
        }
        service.bopRuns.add(uuid, progress, media: media)
        var warnings = performer.notices
        if silent { warnings.append("This service has no speaker: the program's voice and sounds are not played.") }
        return Launch(uuid: uuid, performer: performer, media: media, warnings: warnings)
    }
}
