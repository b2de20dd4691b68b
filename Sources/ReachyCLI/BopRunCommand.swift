import ArgumentParser
import Bop
import Foundation
import ReachyAudio
import ReachyBridge
import ReachyPictures
import ReachySpeech
import Synchronization

/// `reachy run FILE`: checks a Bop program, then plays it on the robot or the simulator, voice and sounds included.
struct BopRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Bop program on the robot or the simulator (moves, voice and sounds).",
        discussion: """
            The program is checked first; if it has a problem, the problems are printed like `reachy check` does \
            and nothing moves. Otherwise it becomes a timeline, sampled 50 times a second; every sample goes \
            through the robot's safety layer (kid limits inside the robot's limits, then the motor ranges and \
            speed cap), and the robot plays it (it wakes up first if its motors are off). What is being played \
            is shown on standard error, line by line ("▶ line 3: nod twice"), with a warning for anything the \
            safety layer changed.

            Voice and sounds play in time with the moves: on the robot through its speaker (or, if the speaker \
            cannot be opened, into a WAV file whose path is printed); with --sim into the WAV file --wav, or a \
            temporary WAV file whose path is printed. --record writes what the robot did as a recorded move \
            (the `reachy record` JSON format; `reachy play` replays it). --html writes a self-contained page that \
            replays the run in a browser (the robot drawn from the 50 Hz samples, with the voice and sounds).

            Ctrl-C or SIGTERM stops the program safely (see --on-interrupt).

            Exit status: 0 the program was played to the end; 1 the program has problems (nothing moved), or \
            the robot, the speech engine or a file failed (the message says what to do); 64 a bad command line; \
            130 stopped by Ctrl-C (SIGINT); 143 stopped by SIGTERM.
            """)

    @Argument(help: "The Bop program to run (a .bop text file, or - to read standard input).")
    var file: String
    @Option(help: "Seed for `random` and `pick` (the same seed gives the same run).")
    var seed: UInt64 = 1
    @Option(
        help: ArgumentHelp(
            "Write what was played as a recorded move (JSON, like `reachy record`).", valueName: "out.json"))
    var record: String?
    @Option(
        help: ArgumentHelp(
            "Write the voice and sounds to this WAV file (instead of the speaker, or of a temporary file with --sim).",
            valueName: "out.wav"))
    var wav: String?
    @Option(
        help: ArgumentHelp(
            "Write a self-contained HTML page replaying the run (moves and sound).", valueName: "out.html"))
    var html: String?
    @OptionGroup var moves: MovesDirectoryOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var robot: RobotRunOptions

    /// Samples per second of the timeline played (and of --record).
    static let frameRate = 50

    func validate() throws {
        if let record, !record.lowercased().hasSuffix(".json") {
            throw ValidationError("--record must name a .json file (got \"\(record)\").")
        }
        if let wav, !wav.lowercased().hasSuffix(".wav") {
            throw ValidationError("--wav must name a .wav file (got \"\(wav)\").")
        }
        if let html, !html.lowercased().hasSuffix(".html") {
            throw ValidationError("--html must name a .html file (got \"\(html)\").")
        }
    }

    func run() async throws {
        let text = try BopSourceFile.read(file)
        let result = BopCompiler.compile(text, options: BopOptions(seed: seed, emotions: moves.emotions))
        guard !result.hasErrors, let timeline = result.timeline else {
            print(DiagnosticFormatter.human(result), terminator: "")
            throw ExitCode(1)
        }
        if !result.diagnostics.isEmpty {
            let text = DiagnosticFormatter.human(result)
            printNotice(text.hasSuffix("\n") ? String(text.dropLast()) : text)
        }
        // Everything printed from here on is in the program's language (Bop's language files, `run.*`).
        let language = result.language
        let target = try connection.resolve()
        let sink = try openSink(target, needed: BopAudioTrack.hasSound(timeline), language: language)
        // Closed once (completing the WAV file, draining the speaker), on every way out.
        let sinkOpen = Mutex(sink != nil)
        func closeSink() throws(AudioSinkError) {
            guard let sink,
                sinkOpen.withLock({ open in
                    defer { open = false }
                    return open
                })
            else { return }
            try sink.close()
        }
        defer { try? closeSink() }
        let recordWanted = record != nil || html != nil
        let file = self.file
        let recording: RecordingDocument?
        do {
            recording = try await RobotSession.run(target, robot, enableMotors: false) { mini in
                let performer: BopPerformer
                do {
                    performer = try BopPerformer(robot: mini, program: result, sink: sink)
                } catch {
                    throw CLIError(String(describing: error))
                }
                for notice in performer.notices { printNotice(notice) }
                let recorder = Mutex<TelemetryRecorder?>(nil)
                try await performer.perform(
                    events: { event in
                        guard let text = event.progressText(program: file, language: language) else { return }
                        if case .notice = event { printNotice(text) } else { Progress.say(text) }
                    },
                    started: {
                        guard recordWanted else { return }
                        recorder.withLock { $0 = TelemetryRecorder(robot: mini, rate: Double(Self.frameRate)) }
                    })
                return await recorder.withLock({ $0 })?.stop()
            }
        } catch let error as BopPerformerError {
            throw CLIError(error.description)
        }
        do {
            try closeSink()
        } catch {
            printNotice(language.runMessage("notice", ["text": "\(error)"]))
        }
        guard recordWanted else { return }
        guard let recording, !recording.isEmpty else {
            throw CLIError(language.runMessage("nothing-recorded"))
        }
        if let record { try RecordingFiles.write(recording, to: record, language: language) }
        if let html {
            try RecordingFiles.writeReplay(
                recording, wav: (sink as? WAVFileSink)?.url, to: html, language: language)
        }
    }

    /// The audio sink (``ResolvedRobot/audio(wav:device:temporaryName:)``): --wav, else the simulator's temporary WAV
    /// file, else the daemon's or the robot's speaker (falling back to a temporary WAV file with a notice). `nil` when
    /// the program makes no sound and no --wav was asked for. Notices are in `language`.
    func openSink(_ robot: ResolvedRobot, needed: Bool, language: BopLanguage) throws -> (any AudioSink)? {
        guard wav != nil || needed else { return nil }
        let destination = robot.audio(wav: wav.map { URL(fileURLWithPath: $0) })
        if wav == nil, let file = destination.file {
            printNotice(language.runMessage("sound-file", ["path": file.path]))
        }
        do {
            return try destination.open { printNotice(language.runMessage("notice", ["text": "\($0)"])) }
        } catch {
            throw CLIError(error.description)
        }
    }
}
