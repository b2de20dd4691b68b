import ArgumentParser
import Dynamixel
import Foundation
import ReachyBridge
import ReachyHardware
import ReachyMiniDescription
import ReachyNews

/// `reachy demo`: the main job, end to end — on the robot when one is plugged in, else on the built-in simulator.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract:
            "Show what ReachyBridge does: find the robot (or the simulator), check its motors, wake it, dance, read the news.",
        discussion: """
            Without --port or --sim, uses the robot if one is plugged in, else the built-in simulator (and says so).
            After the motor check the robot wakes up, dances 4 beats, reads the sample AI-news digest (the intro, the \
            headline and first sentence of the first 2 items, the sign-off: about a minute; --full for all of it) with gestures, and goes to sleep. On the simulator the voice is \
            written to a WAV file whose path is printed.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Flag(
        name: .long,
        help: "Read the whole sample digest (about 8 minutes) instead of the first sentence of the first 2 items.")
    var full = false

    @Option(name: .long, help: "The digest to read.")
    var digest: String = "examples/news/digest-2025-12-21.md"

    @Option(
        name: .long, help: "Where the voice goes on the simulator (WAV); default: a file in the temporary directory.")
    var wav: String?

    @Flag(name: .long, help: .hidden)
    var short = false

    func run() async throws {
        let target = try connection.resolve()
        if let endpoint = target.target.daemon {
            throw CLIError(
                "The demo checks the motors on the servo bus, which the daemon at \(endpoint.base) owns. Try "
                    + "`reachy dance` or `reachy run FILE` with --daemon.")
        }
        do {
            let opened = try connection.openBus(target)
            defer { opened.close() }
            print("Step 1 — the motors on \(opened.label):")
            let replies = try opened.bus.scan(ids: Array(UInt8(10)...18), retries: 2)
            print(
                TextTable.render(
                    header: ["ID", "MODEL", "FIRMWARE"],
                    rows: replies.map { ["\($0.id)", $0.modelName, "\($0.firmware)"] }))
            guard !replies.isEmpty else {
                throw CLIError(
                    "No motor answered on \(opened.label). Check that the robot's power supply is plugged in and switched on."
                )
            }
            print("")
            print("Step 2 — health check:")
            let checks = Diagnostics.motorChecks(
                bus: opened.bus, port: opened.label, description: try RobotDescription.reachyMini())
            for check in checks { print(check.description) }
        }
        try await newsSteps(target: target)
    }

    /// Steps 3–6: wake up, dance, read the news with gestures, sleep.
    func newsSteps(target: ResolvedRobot) async throws {
        print("")
        print("Step 3 — wake up, dance \(short ? 2 : 4) beats, read the news, go to sleep:")
        let result = DigestParser.parse(contentsOf: URL(fileURLWithPath: digest))
        if case .unreadable(let path, let reason)? = result.firstError {
            throw CLIError(
                "cannot read the sample digest \(path): \(reason). Run the demo from the repository root or pass --digest FILE."
            )
        }
        let planner: RecitalPlanner
        do { planner = try RecitalPlanner.bundled() } catch { throw NewsCLIError.data(error.description) }
        let options =
            short
            ? RecitalOptions(maxItems: 1, length: .headlines)
            : RecitalOptions(maxItems: full ? nil : 2, length: full ? .full : .firstSentence)
        let plan = planner.plan([result.digest], options: options)
        guard !plan.items.isEmpty else { throw NewsCLIError.noItems(files: [digest], filtered: false) }
        let rate = short ? 450 : 165
        var playback = try NewsPlaybackOptions.parse([])
        playback.wav = wav
        let beats = short ? 2.0 : 4.0
        var steps = NewsRobotPlayback.Steps()
        steps.before = { mini in
            let dance = try DanceMove("simple_nod")
            Progress.say("Dancing simple_nod for \(Int(beats)) beats…")
            try await mini.play(try TimedMove(dance, duration: beats * 60 / DanceCatalog.defaultBPM))
        }
        print("Reading \(plan.items.count) item(s) of \(URL(fileURLWithPath: digest).lastPathComponent)…")
        let signals = SignalWatch()
        defer { signals.cancel() }
        let outcome = try await NewsRobotPlayback.play(
            render: { try await NewsRobotPlayback.render(plan, rate: rate) }, robot: target,
            run: try RobotRunOptions.parse([]), playback: playback, signals: signals,
            wavName: "reachy-demo-news.wav", steps: steps)
        switch outcome {
        case .interrupted(let number, _):
            throw ExitCode(128 + number)
        case .completed(_, let wav):
            print("The robot is asleep (motors off).")
            if let wav {
                print("The news recital's voice is in \(wav) (play it with `aplay \(wav)`).")
            } else {
                print("The news was read on the robot's speaker.")
            }
        }
    }
}
