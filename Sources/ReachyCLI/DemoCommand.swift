import ArgumentParser
import Dynamixel
import ReachyHardware

/// `reachy demo`: the main job, end to end — on the robot when one is plugged in, else on the built-in simulator.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Show what ReachyBridge does: find the robot (or the simulator), check its motors, and more.",
        discussion: """
            Without --port or --sim, uses the robot if one is plugged in, else the built-in simulator (and says so).
            """)

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let opened = try connection.openBus(fallBackToSimulator: true)
        defer { opened.close() }
        print("Step 1 — the motors on \(opened.label):")
        let replies = try opened.bus.scan(ids: Array(UInt8(10)...18), retries: 2)
        print(
            TextTable.render(
                header: ["ID", "MODEL", "FIRMWARE"],
                rows: replies.map { ["\($0.id)", $0.modelName, "\($0.firmware)"] }))
        guard !replies.isEmpty else {
            throw CLIError(
                "No motor answered on \(opened.label). Check that the robot's power supply is plugged in and switched on.")
        }
        print("")
        print("Step 2 — health check:")
        let checks = Diagnostics.motorChecks(bus: opened.bus, port: opened.label, description: try RobotDescription.reachyMini())
        for check in checks { print(check.description) }
    }
}
