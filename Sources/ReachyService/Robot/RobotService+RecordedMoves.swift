import Bop
import Foundation
import ReachyAudio
import ReachyMotion
import ReachySpeech

/// Playing a move of a recorded-move dataset (`POST /api/move/play/recorded-move-dataset/…`) like the daemon's
/// `play_move`: as one move of the registry (listed in `/api/move/running`, stopped by `/api/move/stop`), right away
/// (no initial goto), every frame through `ReachyMini`'s safety layer, its WAV sound started with the motion.
extension RobotService {
    /// Where Bop's `play emotion` finds its emotions: the official emotions library of ``moveLibrary``.
    var emotions: BopEmotions { BopEmotions(library: moveLibrary) }

    /// Starts `move`. With the motors off it runs its duration without moving (the answer's notice says why).
    /// Returns the UUID and what the client should know (motors off, a sound that is not played).
    func startRecordedMove(
        _ move: DatasetMove, onEnd: @escaping @Sendable (UUID, MoveRegistry.Outcome) -> Void = { _, _ in }
    ) async -> (uuid: UUID, notice: String?) {
        let duration = move.move.duration
        if motorsAreOff {
            noteMotorsOff("play \(move.dataset)/\(move.name)")
            let robot = self.robot
            let recorded = move.move
            // The simulator's hand plays it as the official simulators would (``SimulatedHand``); a robot does not move.
            let run: @Sendable () async throws -> Void =
                if let hand {
                    {
                        try await hand.play(recorded, duration: duration) { frame in
                            try? robot.safeGoals(head: frame.head, antennas: frame.antennas, bodyYaw: frame.bodyYaw)
                        }
                    }
                } else {
                    { try await Task.sleep(for: .seconds(duration)) }
                }
            let uuid = moves.start(kind: "recorded_move", run, onEnd: onEnd).uuid
            return (uuid, motorsOffNotice)
        }
        // A move asked for while another runs is ignored (the registry's rule): no speaker is opened for it.
        let sound = moves.isBusy ? PreparedSound() : await soundPlayback(of: move)
        let robot = self.robot
        let started = moves.start(
            kind: "recorded_move",
            {
                sound.playback?.start { _ in try? sound.sink?.close() }
                do {
                    try await robot.play(move.move, initialGotoDuration: 0)
                } catch {
                    sound.playback?.stop()
                    throw error
                }
                // Stopped: the sound stops with the motion, like the daemon's stop_sound.
                if Task.isCancelled { sound.playback?.stop() }
            }, onEnd: onEnd)
        if !started.started { try? sound.sink?.close() }
        return (started.uuid, sound.notice)
    }

    /// A sound ready to start, its sink, and a notice when the move's sound is not played.
    struct PreparedSound: Sendable {
        var playback: AudioPlayback?
        var sink: (any AudioSink)?
        var notice: String?
    }

    /// The playback of `move`'s sound: a WAV file, mixed to mono, resampled to the speaker and scaled by the volume.
    /// Another format, an unreadable file or no speaker gives a notice instead (nothing fails in silence).
    func soundPlayback(of move: DatasetMove) async -> PreparedSound {
        guard let url = move.sound else { return PreparedSound() }
        if let notice = move.unplayableSoundNotice { return PreparedSound(notice: notice) }
        guard let make = makeAudioSink else {
            return PreparedSound(
                notice: "The sound \(url.lastPathComponent) is not played: this service has no speaker.")
        }
        let gain = Double(volume) / 100
        let clock = robot.clock
        // Reading the file and opening a sound card block: on a thread of their own.
        let prepared = await DedicatedThread.run("reachy.audio.open") {
            () -> Result<PreparedSound, DatasetSoundError> in
            let wav: WAVFile
            do { wav = try WAVFile.read(from: url) } catch {
                return .failure(.unreadable(url.lastPathComponent, "\(error)"))
            }
            let sink: any AudioSink
            do { sink = try make() } catch { return .failure(.noSpeaker("\(error)")) }
            let samples = wav.speakerSamples(sampleRate: sink.sampleRate, gain: gain)
            return .success(
                PreparedSound(playback: AudioPlayback(sink: sink, samples: samples, pacedOn: clock), sink: sink))
        }
        switch prepared {
        case .success(let sound): return sound
        case .failure(let error): return PreparedSound(notice: error.description)
        }
    }
}

/// Why a dataset move's sound is not played (the move still plays).
enum DatasetSoundError: Error, CustomStringConvertible {
    case unreadable(String, String)
    case noSpeaker(String)

    var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "The sound \(file) is not played: \(reason). Convert it to 16-bit PCM WAV."
        case .noSpeaker(let reason):
            "The sound is not played: the speaker cannot be opened (\(reason)). Check it with `reachy doctor`."
        }
    }
}
