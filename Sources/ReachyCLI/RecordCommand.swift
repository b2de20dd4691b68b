import ArgumentParser
import Foundation
import ReachyBridge
import ReachyPictures

/// `reachy record`: sample joints and head pose to JSON or CSV.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record the robot's joints and head pose for some seconds (with --release, move it by hand).",
        discussion: """
            JSON (.json) is the recorded-move format `reachy play` and the official SDK read, plus the raw joints: \
            {"description", "rate", "time": [s…], "set_target_data": [{"head": 4×4 rows, "antennas": [right, left], \
            "body_yaw"}…], "joints": [[body, s1…s6, right, left]…]} (seconds, meters, radians; time starts at 0). \
            CSV (.csv) has a header line and one row per sample: t, x, y, z, roll, pitch, yaw, body_yaw, \
            right_antenna, left_antenna, then the nine joints (body_rotation … left_antenna). \
            --html OUT.html (with or instead of --out) writes a self-contained page that replays the recording: \
            the robot drawn from every sample, play/pause, a time slider and keyboard keys, nothing downloaded.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var run: RobotRunOptions
    @Option(help: ArgumentHelp("Output file, ending in .json or .csv.", valueName: "file"))
    var out: String?
    @Option(help: ArgumentHelp("Also write a self-contained HTML page replaying the recording.", valueName: "out.html"))
    var html: String?
    @Option(help: "Seconds to record.")
    var seconds: Double
    @Option(name: .customLong("sample-rate"), help: "Samples per second (at most the loop rate).")
    var sampleRate: Double = 50
    @Flag(
        help:
            "Switch the motors off first, so the head and antennas can be moved by hand (otherwise they stay as they are)."
    )
    var release = false

    enum Format { case json, csv }

    var format: Format? {
        let lower = (out ?? "").lowercased()
        return lower.hasSuffix(".json") ? .json : lower.hasSuffix(".csv") ? .csv : nil
    }

    func validate() throws {
        guard out != nil || html != nil else {
            throw ValidationError("Give --out file.json (or .csv), --html file.html, or both.")
        }
        if let out, format == nil { throw ValidationError("--out must end in .json or .csv (got \"\(out)\").") }
        if let html, !html.lowercased().hasSuffix(".html") {
            throw ValidationError("--html must name a .html file (got \"\(html)\").")
        }
        if run.virtualTime {
            throw ValidationError(
                "--virtual-time cannot record: recording captures what happens in real time (the robot moved by hand, "
                    + "or by another program).")
        }
        guard seconds.isFinite, seconds > 0, seconds <= 3600 else {
            throw ValidationError("--seconds must be more than 0 and at most 3600.")
        }
        guard sampleRate.isFinite, sampleRate >= 1, sampleRate <= run.rate else {
            throw ValidationError("--sample-rate must be between 1 and the loop rate (--rate, \(Int(run.rate))).")
        }
    }

    func run() async throws {
        let seconds = self.seconds
        let period = 1 / sampleRate
        let out = self.out
        let format = self.format ?? .json
        let rate = sampleRate
        let release = self.release
        let recording = RecordingBox()
        try await RobotSession.run(connection, run, enableMotors: false) { mini in
            if release, mini.motorMode != .disabled {
                try await mini.disableMotors()
                Progress.say("Motors off: move the robot by hand.")
            }
            Progress.say("Recording \(String(format: "%g", seconds)) s at \(String(format: "%g", rate)) Hz…")
            var start: Double?
            var next = 0.0
            for await tick in mini.telemetry(buffering: 1024) {
                guard let joints = tick.joints, let head = tick.headPose else { continue }
                let t0 = start ?? tick.time
                start = t0
                let t = tick.time - t0
                if t > seconds + 1e-9 { break }
                if t + 1e-9 >= next {
                    recording.append(RecordedSample(t: t, head: head, joints: joints))
                    next += period
                    while next <= t { next += period }
                }
            }
        }
        let samples = recording.samples
        guard !samples.isEmpty else { throw CLIError("No samples were recorded: the motors never answered.") }
        if let out {
            let text: String
            switch format {
            case .json: text = try Self.json(samples, rate: rate)
            case .csv: text = Self.csv(samples)
            }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out))
            } catch {
                throw CLIError("Could not write \(out): \(error.localizedDescription). Choose a writable path.")
            }
            Progress.say("Wrote \(samples.count) samples to \(out).")
        }
        if let html { try Self.writeReplay(samples, rate: rate, wav: nil, to: html) }
    }

    /// Writes the HTML replay page of `samples` (with the WAV file at `wav` as its sound, if any).
    static func writeReplay(_ samples: [RecordedSample], rate: Double, wav: URL?, to path: String) throws {
        let recording = ReplayRecording(
            samples: samples.map { ReplaySample(t: $0.t, head: $0.head, joints: $0.joints) }, rate: rate)
        var sound: Data?
        if let wav {
            do {
                sound = try Data(contentsOf: wav)
            } catch {
                throw CLIError(
                    "Could not read the sound \(wav.path) for the replay: \(error.localizedDescription). "
                        + "Run again with --wav pointing to a writable place.")
            }
        }
        let page = try ReplayPage().html(
            recording, wav: sound, title: "Reachy Mini replay — \(URL(fileURLWithPath: path).lastPathComponent)")
        do {
            try Data(page.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CLIError("Could not write \(path): \(error.localizedDescription). Choose a writable path.")
        }
        let audio = sound == nil ? "" : " with sound"
        Progress.say("Wrote the replay of \(samples.count) samples\(audio) to \(path).")
    }

    static func json(_ samples: [RecordedSample], rate: Double) throws -> String {
        let document = RecordingDocument(
            description: "Recorded by reachy record", rate: rate, time: samples.map(\.t),
            set_target_data: samples.map {
                RecordingFrame(head: $0.head.rows, antennas: $0.joints.antennas.values, body_yaw: $0.joints.head.body)
            },
            joints: samples.map(\.joints.motorOrder))
        return try MotionCLISupport.json(document) + "\n"
    }

    static func csv(_ samples: [RecordedSample]) -> String {
        var lines = [
            (["t", "x", "y", "z", "roll", "pitch", "yaw", "body_yaw", "right_antenna", "left_antenna"]
                + ReachyMotor.allCases.map(\.name)).joined(separator: ",")
        ]
        for s in samples {
            let p = s.head.translation
            let e = s.head.euler
            let values =
                [
                    s.t, p.x, p.y, p.z, e.roll, e.pitch, e.yaw, s.joints.head.body, s.joints.antennas.right,
                    s.joints.antennas.left,
                ] + s.joints.motorOrder
            lines.append(values.map { String(format: "%.6f", $0) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// One recorded sample.
struct RecordedSample: Sendable {
    var t: Double
    var head: HeadPose
    var joints: JointVector
}

/// Samples collected on the session's task and read afterwards.
final class RecordingBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [RecordedSample] = []
    func append(_ sample: RecordedSample) {
        lock.lock()
        storage.append(sample)
        lock.unlock()
    }
    var samples: [RecordedSample] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// The JSON written by `reachy record` (a superset of the recorded-move format).
struct RecordingDocument: Encodable {
    var description: String
    var rate: Double
    var time: [Double]
    var set_target_data: [RecordingFrame]
    var joints: [[Double]]
}

/// One frame of `set_target_data`.
struct RecordingFrame: Encodable {
    var head: [[Double]]
    var antennas: [Double]
    var body_yaw: Double
}
