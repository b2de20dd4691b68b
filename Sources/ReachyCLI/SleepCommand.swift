import ArgumentParser
import ReachyBridge

/// `reachy sleep`: sleep pose, then torque off.
struct SleepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sleep",
        abstract: "Put the robot to sleep: head down to the sleep pose, antennas folded, then motors off.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var run: RobotRunOptions

    @Option(help: "Seconds to wait in the sleep pose before switching the motors off.")
    var settle: Double = 2

    func validate() throws {
        guard settle.isFinite, settle >= 0, settle <= 60 else {
            throw ValidationError("--settle must be between 0 and 60 seconds.")
        }
    }

    func run() async throws {
        let settle = self.settle
        try await RobotSession.run(connection, run) { mini in
            Progress.say("Going to sleep…")
            try await mini.gotoSleep(settle: settle)
            Progress.say("Asleep (motors off).")
        }
    }
}
