import ArgumentParser
import Bop
import Foundation
import ReachyAudio
import ReachyBridge
import ReachyPictures
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
        let result = BopCompiler.compile(text, options: BopOptions(seed: seed))
        guard !result.hasErrors, let timeline = result.timeline else {
            print(DiagnosticFormatter.human(result), terminator: "")
            throw ExitCode(1)
        }
        if !result.diagnostics.isEmpty {
            let text = DiagnosticFormatter.human(result)
            printNotice(text.hasSuffix("\n") ? String(text.dropLast()) : text)
        }
        // Resolve the target once, so discovery (and its notice) happens once.
        var connection = self.connection
        let onSimulator: Bool
        switch try connection.resolve(fallBackToSimulator: true) {
        case .simulator:
            connection.sim = true
            onSimulator = true
        case .serial(let path):
            connection.port = path
            onSimulator = false
        case .daemon:
            onSimulator = false
        }
        let sink = try openSink(
            onSimulator: onSimulator, daemon: connection.daemon, needed: BopAudioTrack.hasSound(timeline))
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
        let recording = RecordingBox()
        let recordWanted = record != nil || html != nil
        let file = self.file
        do {
            try await RobotSession.run(connection, robot, enableMotors: false) { mini in
                let performer: BopPerformer
                do {
                    performer = try BopPerformer(robot: mini, program: result, sink: sink)
                } catch {
                    throw CLIError(String(describing: error))
                }
                for notice in performer.notices { printNotice(notice) }
                let recorder = Mutex<Task<Void, Never>?>(nil)
                defer { recorder.withLock { $0?.cancel() } }
                try await performer.perform(
                    events: { event in
                        switch event {
                        case .notice(let text): printNotice(text)
                        case .wakingUp: Progress.say("Waking up…")
                        case .approaching: break
                        case .playing(let seconds, let truncated):
                            let cut = truncated ? ", cut at the time limit" : ""
                            Progress.say("Playing \(file) (\(String(format: "%.2f", seconds)) s)\(cut)…")
                        case .line(let line, let text, _): Progress.say("▶ line \(line): \(text)")
                        case .done: Progress.say("Done.")
                        }
                    },
                    started: {
                        if recordWanted { recorder.withLock { $0 = Self.startRecorder(mini, into: recording) } }
                    })
            }
        } catch let error as BopPerformerError {
            throw CLIError(error.description)
        }
        do {
            try closeSink()
        } catch {
            printNotice("Notice: \(error)")
        }
        if let record {
            let samples = recording.samples
            guard !samples.isEmpty else { throw CLIError("Nothing was recorded: the motors never answered.") }
            do {
                let json = try RecordCommand.json(samples, rate: Double(Self.frameRate))
                try Data(json.utf8).write(to: URL(fileURLWithPath: record))
            } catch {
                throw CLIError("Could not write \(record): \(error.localizedDescription). Choose a writable path.")
            }
            Progress.say("Wrote \(samples.count) samples to \(record).")
        }
        if let html {
            let samples = recording.samples
            guard !samples.isEmpty else { throw CLIError("Nothing was recorded: the motors never answered.") }
            let wavURL = (sink as? WAVFileSink)?.url
            try RecordCommand.writeReplay(samples, rate: Double(Self.frameRate), wav: wavURL, to: html)
        }
    }

    /// The audio sink: --wav, else the simulator's temporary WAV file, else the daemon's or the robot's speaker (falling back to a
    /// temporary WAV file with a notice). `nil` when the program makes no sound and no --wav was asked for.
    func openSink(onSimulator: Bool, daemon: String?, needed: Bool) throws -> (any AudioSink)? {
        if let wav { return WAVFileSink(url: URL(fileURLWithPath: wav)) }
        guard needed else { return nil }
        if let daemon, let endpoint = try? DaemonEndpoint(daemon) {
            return DaemonAudioSink(endpoint: endpoint) { printNotice("Notice: \($0)") }
        }
        func temporary() -> WAVFileSink {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent(
                "bop-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).wav")
            printNotice("Sound goes to \(url.path).")
            return WAVFileSink(url: url)
        }
        if onSimulator { return temporary() }
        do {
            return try SpeakerSink.reachyMini()
        } catch {
            printNotice("Notice: \(error) Writing the sound to a file instead.")
            return temporary()
        }
    }

    /// Samples the robot's present joints and head pose at 50 Hz from now on.
    static func startRecorder(_ mini: ReachyMini, into box: RecordingBox) -> Task<Void, Never> {
        let period = 1 / Double(frameRate)
        return Task {
            var start: Double?
            var next = 0.0
            for await tick in mini.telemetry(buffering: 1024) {
                guard let joints = tick.joints, let head = tick.headPose else { continue }
                let t0 = start ?? tick.time
                start = t0
                let t = tick.time - t0
                if t + 1e-9 >= next {
                    box.append(RecordedSample(t: t, head: head, joints: joints))
                    next += period
                    while next <= t { next += period }
                }
            }
        }
    }
}
