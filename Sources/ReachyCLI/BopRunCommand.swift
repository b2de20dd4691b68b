import ArgumentParser
import Bop
import Dispatch
import Foundation
import ReachyBridge
import ReachyPictures
import ReachySpeech

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
        let motion: BopMotion
        do {
            motion = try BopMotion(timeline: timeline, rate: Self.frameRate)
        } catch {
            throw CLIError("The program could not be turned into a move: \(error)")
        }
        for warning in motion.warnings { printNotice(warning.description) }

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
        let track: BopAudioTrack?
        do {
            track = try sink.map { sink throws(SpeechError) in
                try BopAudioTrack(timeline: timeline, sampleRate: sink.sampleRate)
            }
        } catch {
            throw CLIError(error.description)
        }
        for note in track?.notes ?? [] { printNotice(note) }

        let progress = Self.progressLines(timeline, source: result.source)
        let recording = RecordingBox()
        let recordWanted = record != nil || html != nil
        let player = AudioPlayer(sink: sink, samples: track?.samples ?? [])
        defer { player.finish() }
        try await RobotSession.run(connection, robot, enableMotors: false) { mini in
            if mini.motorMode != .enabled {
                Progress.say("Waking up…")
                try await mini.wakeUp()
            }
            let first = motion.frames.first ?? MoveFrame(head: .identity, antennas: .zero, bodyYaw: 0)
            try await mini.goto(head: first.head, antennas: first.antennas, bodyYaw: first.bodyYaw, duration: 1)
            let seconds = String(format: "%.2f", timeline.duration.doubleValue)
            let cut = timeline.truncated ? ", cut at the time limit" : ""
            Progress.say("Playing \(self.file) (\(seconds) s)\(cut)…")
            let recorder = recordWanted ? Self.startRecorder(mini, into: recording) : nil
            defer { recorder?.cancel() }
            let lines = Task {
                let clock = mini.clock
                let start = clock.now
                for (time, label) in progress {
                    try await clock.sleep(until: start.advanced(by: .milliseconds(Int64(time * 1000))))
                    Progress.say(label)
                }
            }
            defer { lines.cancel() }
            player.start()
            try await withTaskCancellationHandler {
                try await mini.play(motion.move, initialGotoDuration: 0)
            } onCancel: {
                player.stop()
            }
            Progress.say("Done.")
        }
        player.finish()
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

    /// "▶ line N: text" at the time each line starts moving, speaking or sounding (once per run of segments of
    /// the same line).
    static func progressLines(_ timeline: Timeline, source: SourceText) -> [(Double, String)] {
        var out: [(Double, String)] = []
        var last: Int?
        for segment in timeline.segments {
            // One line per change of line (a `nod twice` or a dance is many segments of one line).
            if last == segment.line { continue }
            last = segment.line
            let text = source.line(segment.line).trimmingCharacters(in: .whitespaces)
            out.append((segment.start.doubleValue, "▶ line \(segment.line): \(text)"))
        }
        return out
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

/// Plays one PCM track on an `AudioSink` from its own thread (sinks block), and closes the sink once.
final class AudioPlayer: @unchecked Sendable {
    private let sink: (any AudioSink)?
    private let samples: [Int16]
    private let lock = NSLock()
    private var thread: Thread?
    private var finished = false
    private let done = DispatchSemaphore(value: 0)

    init(sink: (any AudioSink)?, samples: [Int16]) {
        self.sink = sink
        self.samples = samples
    }

    /// Starts playing (at most once).
    func start() {
        guard let sink else { return }
        lock.lock()
        defer { lock.unlock() }
        guard thread == nil else { return }
        let samples = self.samples
        let done = self.done
        let thread = Thread {
            do {
                try sink.play(samples)
            } catch {
                printNotice("Notice: \(error)")
            }
            done.signal()
        }
        self.thread = thread
        thread.start()
    }

    /// Stops the sound now.
    func stop() { sink?.stop() }

    /// Waits for the sound to be handed over, then closes the sink (once).
    func finish() {
        lock.lock()
        let started = thread != nil
        let already = finished
        finished = true
        lock.unlock()
        guard !already, let sink else { return }
        if started { done.wait() }
        do {
            try sink.close()
        } catch {
            printNotice("Notice: \(error)")
        }
    }
}
