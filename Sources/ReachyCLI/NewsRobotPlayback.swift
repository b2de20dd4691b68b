import ArgumentParser
import Dispatch
import Foundation
import ReachyAudio
import ReachyBridge
import ReachyHardware
import ReachyMiniDescription
import ReachyNews
import ReachySpeech

/// Plays rendered recitals on the robot (or the simulator) for `reachy news recite`, `daily` and `demo`: picks the
/// audio sink, connects, wakes the robot, performs, puts it to sleep, and turns SIGINT/SIGTERM into a safe stop
/// (audio stopped, motion cancelled, `--on-interrupt` pose). SIGUSR1 skips the current item, SIGUSR2 pauses and
/// resumes.
enum NewsRobotPlayback {
    /// How a playback ended.
    enum Outcome {
        /// Played to the end (or items skipped by SIGUSR1); `wav` is the file written, if any.
        case completed(RecitalPerformance, wav: String?)
        /// Stopped by a signal (its number); nothing should be marked as recited.
        case interrupted(Int32, wav: String?)
    }

    /// What to do around the recital.
    struct Steps: Sendable {
        var wakeUp = true
        var sleepAfter = true
        /// Runs after waking up, before the recital (the demo dances here).
        var before: (@Sendable (ReachyMini) async throws -> Void)? = nil
    }

    /// Connects to `robot` and performs what `render` gives; the rendering runs while the robot
    /// connects and wakes up, so the first word is not delayed by synthesis. On the simulator the voice goes to `--wav`,
    /// else to `wavName` in the temporary directory.
    static func play(
        render: @escaping @Sendable () async throws -> RecitalRenderer.Rendered, robot target: ResolvedRobot,
        run: RobotRunOptions, playback: NewsPlaybackOptions, signals: SignalWatch, wavName: String,
        steps: Steps = Steps()
    ) async throws -> Outcome {
        let destination = target.audio(
            wav: playback.wav.map { URL(fileURLWithPath: $0) }, device: playback.audioDevice,
            temporaryName: wavName)
        if case .daemon = destination, playback.volume != nil {
            printNotice(
                "Notice: --volume applies to a speaker on this computer; set the daemon's volume from its dashboard.")
        }
        let sink: any AudioSink
        do {
            sink = try destination.open { printNotice("Notice: \($0)") }
        } catch {
            throw CLIError(error.description)
        }
        if case .speaker = destination, let volume = playback.volume, sink is SpeakerSink {
            setVolume(volume, device: playback.audioDevice)
        }
        let wavPath = (sink as? WAVFileSink)?.url.path
        let pace = wavPath != nil
        if target.isSimulated, playback.volume != nil {
            printNotice("Notice: --volume applies to a robot's speaker; the simulator writes a WAV file.")
        }
        Progress.say("Voice → \(wavPath ?? sink.name)")

        var options = target.options(ReachyMiniOptions(rate: run.rate))
        let mini: ReachyMini
        do {
            let link = try run.link(target, options: &options)
            // A signal during startup (the supply wait lasts up to 30 s) ends it at once.
            mini = try await RobotSession.connect(link, options: options, signals: signals)
        } catch {
            try? sink.close()
            if let number = signals.received { return .interrupted(number, wav: nil) }
            if let error = error as? CLIError { throw error }
            throw CLIError(String(describing: error))
        }
        defer { mini.close() }
        let events = Task { for await event in mini.events() { printNotice("Note: \(event)") } }
        defer { events.cancel() }

        let performer = RecitalPerformer(robot: mini, sink: sink, pace: pace)
        let skip = UserSignal(SIGUSR1) {
            Progress.say("SIGUSR1: skipping to the next item.")
            performer.skip()
        }
        defer { skip.cancel() }
        let pause = UserSignal(SIGUSR2) {
            Progress.say(performer.togglePause() ? "SIGUSR2: pausing…" : "SIGUSR2: resuming…")
        }
        defer { pause.cancel() }
        let record = playback.record != nil
        let task = Task { () throws -> RecitalPerformance in
            async let rendering = render()
            if steps.wakeUp { try await mini.wakeUp() }
            if let before = steps.before { try await before(mini) }
            let rendered = try await rendering
            let performance = try await performer.perform(rendered, recordMotion: record) { Progress.say($0) }
            if steps.sleepAfter { try await mini.gotoSleep(settle: 0.5) }
            return performance
        }
        signals.onSignal { task.cancel() }
        let result = await task.result
        signals.onSignal {}
        if let number = signals.received {
            Progress.say(
                "Interrupted (\(number == SIGTERM ? "SIGTERM" : "SIGINT")): audio stopped, stopping safely (\(run.stopMode.rawValue))…"
            )
            let outcome = await mini.safeStop(mode: run.stopMode)
            Progress.say(outcome.description)
            try? sink.close()
            return .interrupted(number, wav: wavPath)
        }
        do {
            try sink.close()
        } catch {
            throw CLIError(error.description)
        }
        switch result {
        case .success(let performance):
            if let path = playback.record {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                do {
                    try encoder.encode(performance).write(to: URL(fileURLWithPath: path), options: .atomic)
                } catch {
                    throw CLIError(
                        "could not write the record to \(path): \(error.localizedDescription). Check the directory.")
                }
            }
            return .completed(performance, wav: wavPath)
        case .failure(let error):
            if error is CancellationError { return .interrupted(SIGINT, wav: wavPath) }
            if let error = error as? NewsCLIError { throw error }
            throw CLIError(String(describing: error))
        }
    }

    /// Best effort: a card without a mixer keeps its volume (with a notice).
    static func setVolume(_ percent: Int, device: String?) {
        do {
            let mixer: AlsaMixer
            if let device {
                mixer = try AlsaMixer(
                    card: device.hasPrefix("plughw:") ? "hw:" + device.dropFirst(7).split(separator: ",")[0] : "default"
                )
            } else {
                mixer = try AlsaMixer(soundCard: try SoundCards.card(named: SoundCards.reachyMiniAudioName))
            }
            try mixer.setVolume(percent)
            Progress.say("Volume set to \(percent) %.")
        } catch {
            printNotice("Notice: could not set the volume (\(error)); playing at the current volume.")
        }
    }

    /// Renders a plan on a dedicated thread (espeak-ng blocks; never on a Swift concurrency task); a cancelled task
    /// (Ctrl-C) stops the render at once.
    static func render(_ plan: RecitalPlan, rate: Int = 165) async throws -> RecitalRenderer.Rendered {
        do {
            return try await RecitalRenderer(synthesizer: SpeechSynthesizer(rate: rate)).renderInBackground(plan)
        } catch let error as SpeechError {
            throw NewsCLIError.speech(error.description)
        }
    }
}

/// SIGUSR1 (skip the current item) or SIGUSR2 (pause/resume) through a dispatch source, like SIGINT/SIGTERM.
final class UserSignal: @unchecked Sendable {  // the source is only created and cancelled
    private let source: any DispatchSourceSignal

    init(_ number: Int32, _ handler: @escaping @Sendable () -> Void) {
        signal(number, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler(handler: handler)
        source.resume()
    }

    func cancel() { source.cancel() }
}
