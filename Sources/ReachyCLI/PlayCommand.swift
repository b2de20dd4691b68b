import ArgumentParser
import Foundation
import ReachyBridge

/// `reachy play FILE.json`: play a recorded move.
struct PlayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play a recorded move (the official dataset JSON, or a file written by `reachy record`).",
        discussion: """
            The file holds {"description", "time": [...], "set_target_data": [{"head": 4×4, "antennas": [r, l], \
            "body_yaw"}]}. The robot first moves to the first frame, then follows the recording through the safety \
            limits.
            """)

    @Argument(help: "The recorded move, a JSON file.")
    var file: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var run: RobotRunOptions
    @Option(name: .customLong("initial-goto"), help: "Seconds to reach the first frame before playing.")
    var initialGoto: Double = 1

    func validate() throws {
        guard initialGoto.isFinite, initialGoto >= 0, initialGoto <= 10 else {
            throw ValidationError("--initial-goto must be between 0 and 10 seconds.")
        }
    }

    func run() async throws {
        let move: RecordedMove
        do {
            move = try RecordedMove(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CLIError(error.description)
        }
        let initialGoto = self.initialGoto
        try await RobotSession.run(connection, run) { mini in
            Progress.say("Playing \(file) (\(String(format: "%.2f", move.duration)) s)…")
            try await mini.play(move, initialGotoDuration: initialGoto)
            Progress.say("Done.")
        }
    }
}
