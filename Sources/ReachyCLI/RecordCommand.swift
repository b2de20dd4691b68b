import ArgumentParser
import Foundation
import ReachyBridge

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
        let rate = sampleRate
        let release = self.release
        let recording = try await RobotSession.run(connection, run, enableMotors: false) { mini in
            if release, mini.motorMode != .disabled {
                try await mini.disableMotors()
                Progress.say("Motors off: move the robot by hand.")
            }
            Progress.say("Recording \(String(format: "%g", seconds)) s at \(String(format: "%g", rate)) Hz…")
            return await TelemetryRecorder(robot: mini, rate: rate, seconds: seconds).recording()
        }
        guard !recording.isEmpty else { throw CLIError("No samples were recorded: the motors never answered.") }
        if let out {
            switch format ?? .json {
            case .json: try RecordingFiles.write(recording, to: out)
            case .csv: try RecordingFiles.writeCSV(recording, to: out)
            }
        }
        if let html { try RecordingFiles.writeReplay(recording, wav: nil, to: html) }
    }
}
