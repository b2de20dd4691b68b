import ArgumentParser
import Foundation
import ReachyAudio
import ReachyBridge
import ReachySpeech

/// `reachy play FILE.json`, or `reachy play --dataset ORG/NAME MOVE`: play a recorded move.
struct PlayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play a recorded move: a JSON file, or a move of a local recorded-move dataset (--dataset).",
        discussion: """
            The file holds {"description", "time": [...], "set_target_data": [{"head": 4×4, "antennas": [r, l], \
            "body_yaw"}]} (the official dataset format, and what `reachy record` writes). The robot first moves to \
            the first frame, then follows the recording through the safety limits.

            With --dataset ORG/NAME, MOVE names a move of that dataset (without MOVE its moves are listed), read \
            from a local copy, never downloaded: first each --moves-dir DIR (the dataset in DIR/ORG/NAME/), then the \
            Hugging Face cache (HF_HUB_CACHE, HF_HOME/hub or ~/.cache/huggingface/hub), where \
            `huggingface-cli download --repo-type dataset ORG/NAME` puts it. The official libraries are \
            pollen-robotics/reachy-mini-emotions-library and pollen-robotics/reachy-mini-dances-library. A move's \
            WAV sound plays with it (on the simulator into a WAV file, --wav); other sound formats are reported.
            """)

    @Argument(help: "The recorded move: a JSON file, or with --dataset the move's name.")
    var move: String?
    @Option(help: ArgumentHelp("Play MOVE of this recorded-move dataset.", valueName: "org/name"))
    var dataset: String?
    @OptionGroup var moves: MovesDirectoryOptions
    @Option(help: ArgumentHelp("Write the move's sound to this WAV file instead of the speaker.", valueName: "out.wav"))
    var wav: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var run: RobotRunOptions
    @Option(name: .customLong("initial-goto"), help: "Seconds to reach the first frame before playing.")
    var initialGoto: Double = 1

    func validate() throws {
        guard initialGoto.isFinite, initialGoto >= 0, initialGoto <= 10 else {
            throw ValidationError("--initial-goto must be between 0 and 10 seconds.")
        }
        if dataset == nil, move == nil {
            throw ValidationError("Give a recorded move file, or --dataset ORG/NAME and a move name.")
        }
        if dataset == nil, !moves.movesDir.isEmpty {
            throw ValidationError("--moves-dir is for --dataset: it says where local datasets are.")
        }
        if let wav, !wav.lowercased().hasSuffix(".wav") {
            throw ValidationError("--wav must name a .wav file (got \"\(wav)\").")
        }
    }

    func run() async throws {
        let loaded: (move: RecordedMove, label: String, sound: URL?)
        if let dataset {
            let library = moves.library
            let index: MoveDataset
            do {
                index = try library.dataset(named: dataset)
            } catch {
                throw CLIError(error.description)
            }
            guard let move else {
                print(index.names.joined(separator: "\n"))
                return
            }
            let found: DatasetMove
            do {
                found = try index.move(move)
            } catch {
                throw CLIError(error.description)
            }
            if let notice = found.unplayableSoundNotice { printNotice("Notice: \(notice)") }
            loaded = (found.move, "\(dataset)/\(move)", found.soundIsWAV ? found.sound : nil)
        } else {
            let file = move ?? ""
            do {
                loaded = (try RecordedMove(contentsOf: URL(fileURLWithPath: file)), file, nil)
            } catch {
                throw CLIError(error.description)
            }
        }
        let target = try connection.resolve()
        let sound = try loaded.sound.map { try Self.sound($0, target, wav: wav) }
        let initialGoto = self.initialGoto
        try await RobotSession.run(target, run) { mini in
            Progress.say("Playing \(loaded.label) (\(String(format: "%.2f", loaded.move.duration)) s)…")
            guard let sound else {
                try await mini.play(loaded.move, initialGotoDuration: initialGoto)
                Progress.say("Done.")
                return
            }
            // The sound starts with the motion, after the way to the first frame.
            if initialGoto > 0 {
                let first = loaded.move.evaluate(0)
                try await mini.goto(
                    head: first.head, antennas: first.antennas, bodyYaw: first.bodyYaw, duration: initialGoto)
            }
            let playback = AudioPlayback(sink: sound.sink, samples: sound.samples, pacedOn: mini.clock)
            async let played = playback.play()
            do {
                try await mini.play(loaded.move, initialGotoDuration: 0)
            } catch {
                playback.stop()
                _ = await played
                try? sound.sink.close()
                throw error
            }
            if case .failed(let error) = await played { printNotice("Notice: the sound stopped: \(error).") }
            try? sound.sink.close()
            Progress.say("Done.")
        }
    }

    /// The move's WAV sound, ready for the sink of `target` (--wav, the simulator's WAV file, or the speaker).
    static func sound(_ url: URL, _ target: ResolvedRobot, wav: String?) throws -> (
        sink: any AudioSink, samples: [Int16]
    ) {
        let file: WAVFile
        do {
            file = try WAVFile.read(from: url)
        } catch {
            throw CLIError(
                "The sound \(url.lastPathComponent) cannot be played: \(error). Convert it to 16-bit PCM WAV.")
        }
        let destination = target.audio(wav: wav.map { URL(fileURLWithPath: $0) })
        if wav == nil, let path = destination.file { printNotice("The sound goes to \(path.path).") }
        do {
            let sink = try destination.open { printNotice("Notice: \($0)") }
            return (sink, file.speakerSamples(sampleRate: sink.sampleRate))
        } catch {
            throw CLIError(error.description)
        }
    }
}
