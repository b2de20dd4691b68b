import ArgumentParser
import Foundation
import ReachyBridge

/// `reachy dance`: list the official dances, preview one as samples, or play it on the robot.
struct DanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dance",
        abstract: "List, preview or play the 20 official Reachy Mini dances.",
        discussion: """
            `reachy dance --list` lists the dances with their length and tempo. `reachy dance NAME --samples N` \
            prints N frames evenly spaced over one run of the dance (the first at t=0, the last at t=duration) \
            and moves nothing. `reachy dance NAME` plays it on the robot (one run, or --beats N beats; \
            Ctrl-C stops it safely).

            JSON samples: {"bpm", "duration", "name", "samples": [{"antennas": [right, left], "body_yaw", \
            "head": 4×4 rows, "t"}]} in seconds, meters and radians. \
            JSON list: {"dances": [{"beats", "bpm", "description", "duration", "name"}]}.
            """)

    @Argument(help: "Dance name (see --list).")
    var name: String?
    @Flag(help: "List the available dances.")
    var list = false
    @Option(help: "Print this many samples of one run instead of playing (at least 2).")
    var samples: Int?
    @Option(help: "Tempo in beats per minute.")
    var bpm: Double = DanceCatalog.defaultBPM
    @Option(help: "Play this many beats instead of one run of the dance.")
    var beats: Double?
    @Flag(help: "Print JSON instead of text.")
    var json = false
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var robot: RobotRunOptions

    /// What the invocation asks for.
    enum Mode: Equatable {
        case list
        case samples(name: String, count: Int)
        case play(name: String)
    }

    func mode() throws -> Mode {
        if list {
            guard name == nil, samples == nil else {
                throw ValidationError("--list takes no dance name and no --samples.")
            }
            return .list
        }
        guard let name else { throw ValidationError("Give a dance name (see `reachy dance --list`) or --list.") }
        if let samples {
            guard samples >= 2 else {
                throw ValidationError("--samples must be at least 2 (first at t=0, last at t=duration).")
            }
            guard samples <= 100_000 else { throw ValidationError("--samples must be at most 100000.") }
            return .samples(name: name, count: samples)
        }
        return .play(name: name)
    }

    func validate() throws {
        guard bpm.isFinite, bpm > 0 else {
            throw ValidationError("--bpm must be a positive number of beats per minute.")
        }
        if let beats {
            guard beats.isFinite, beats > 0, beats <= 10_000 else {
                throw ValidationError("--beats must be a positive number of beats (at most 10000).")
            }
        }
        _ = try mode()
    }

    func run() async throws {
        do {
            switch try mode() {
            case .list: try printList()
            case .samples(let name, let count): try printSamples(name: name, count: count)
            case .play(let name): try await play(name: name)
            }
        } catch let error as DanceError {
            throw MotionCLIError(description: error.description)
        }
    }

    func printList() throws {
        let dances = try DanceCatalog.all()
        let entries = dances.map {
            DanceListEntry(
                name: $0.name, beats: $0.beats, bpm: bpm, duration: $0.beats * 60 / bpm, description: $0.description)
        }
        if json {
            print(try MotionCLISupport.json(["dances": entries]))
            return
        }
        for e in entries {
            let label = e.name.padding(toLength: 22, withPad: " ", startingAt: 0)
            let beats = String(Int(e.beats)).padding(toLength: 2, withPad: " ", startingAt: 0)
            let seconds = String(format: "%.2f", e.duration)
            print("\(label) \(beats) beats @ \(formatBPM(e.bpm)) BPM = \(seconds) s  \(e.description)")
        }
    }

    func printSamples(name: String, count: Int) throws {
        let dance = try DanceMove(name, bpm: bpm)
        let frames = dance.samples(count: count).map {
            DanceSample(
                t: $0.t, head: $0.frame.head.rows, antennas: $0.frame.antennas.values, body_yaw: $0.frame.bodyYaw)
        }
        if json {
            let document = DanceSamples(name: name, bpm: bpm, duration: dance.duration, samples: frames)
            print(try MotionCLISupport.json(document))
            return
        }
        print("\(name) @ \(formatBPM(bpm)) BPM, duration \(String(format: "%.4f", dance.duration)) s")
        print("       t        x mm      y mm      z mm    roll°   pitch°     yaw°  r.ant°  l.ant°")
        for (s, frame) in zip(frames, dance.samples(count: count).map(\.frame)) {
            let p = frame.head.translation * 1000
            let e = frame.head.euler
            print(
                String(
                    format: "%8.4f %9.3f %9.3f %9.3f %8.2f %8.2f %8.2f %7.2f %7.2f", s.t, p.x, p.y, p.z,
                    degrees(e.roll),
                    degrees(e.pitch), degrees(e.yaw), degrees(frame.antennas.right), degrees(frame.antennas.left)))
        }
    }

    /// Plays the dance on the robot (or simulator) through the safety layer; Ctrl-C stops it safely.
    func play(name: String) async throws {
        let dance = try DanceMove(name, bpm: bpm)  // report unknown names first
        let move: any Move
        do {
            let tempo = bpm
            move =
                try beats.map { beats throws(MoveError) in try TimedMove(dance, duration: beats * 60 / tempo) } ?? dance
        } catch {
            throw MotionCLIError(description: String(describing: error))
        }
        let tempo = self.bpm
        try await RobotSession.run(connection, robot) { mini in
            Progress.say(
                "Dancing \(name) at \(Self.formatBPM(tempo)) BPM for \(String(format: "%.2f", move.duration)) s…")
            try await mini.play(move)
            Progress.say("Done.")
        }
    }

    func formatBPM(_ v: Double) -> String { Self.formatBPM(v) }

    static func formatBPM(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}

/// One entry of `reachy dance --list --json`.
struct DanceListEntry: Encodable {
    var name: String
    var beats: Double
    var bpm: Double
    var duration: Double
    var description: String
}

/// One sample of `reachy dance NAME --samples N --json`.
struct DanceSample: Encodable {
    var t: Double
    var head: [[Double]]
    var antennas: [Double]
    var body_yaw: Double
}

/// The document printed by `reachy dance NAME --samples N --json`.
struct DanceSamples: Encodable {
    var name: String
    var bpm: Double
    var duration: Double
    var samples: [DanceSample]
}
