import ArgumentParser
import ReachyBridge

/// `reachy wake`: torque on and the wake-up motion.
struct WakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wake",
        abstract: "Wake the robot up: motors on, head to its initial pose, a small roll and back.",
        discussion: "Runs the startup checks first (motors present, supply ≥ 4.5 V, errors, EEPROM, gains). "
            + "The motors stay on afterwards; `reachy sleep` puts the robot to rest.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var run: RobotRunOptions

    func run() async throws {
        try await RobotSession.run(connection, run) { mini in
            Progress.say("Waking up…")
            try await mini.wakeUp()
            Progress.say("Awake.")
        }
    }
}
