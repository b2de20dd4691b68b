import ArgumentParser
import ReachyHardware
import ReachyMiniDescription

/// `reachy doctor`: walk through everything that can stop the robot from working, with fixes.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the robot set-up step by step and say how to fix what is wrong.",
        discussion: """
            Checks: serial adapter found, udev rule installed, permission (dialout group), port opens, all nine \
            motors answer with the right models, supply voltage, hardware errors, motor settings, audio card, speech \
            engine. \
            With --sim, the motor checks run against the built-in simulator. Exit status 1 when a check failed.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "Print JSON: an array of {title, status, detail, fix}.")
    var json = false

    func run() throws {
        var checks: [DoctorCheck] = []
        if !connection.sim {
            checks += Diagnostics.runAll(port: connection.port)
        }
        let portOpened = checks.first { $0.title.lowercased().contains("opens") }?.status
        if connection.sim || connection.port != nil || portOpened == .ok {
            do {
                let opened = try connection.openBus(fallBackToSimulator: false)
                defer { opened.close() }
                checks += Diagnostics.motorChecks(
                    bus: opened.bus, port: opened.label, description: try RobotDescription.reachyMini())
            } catch {
                checks.append(DoctorCheck(title: "Motors answer", status: .failed, detail: "\(error)"))
            }
        } else {
            checks.append(
                DoctorCheck(
                    title: "Motors answer", status: .skipped,
                    detail: "No port to talk to the motors.", fix: "Fix the checks above, or try `reachy doctor --sim`."
                ))
        }
        checks.append(SpeechCheck.run())
        if json {
            try JSONOutput.print(checks)
        } else {
            for check in checks { print(check.description) }
            let failed = checks.filter { $0.status == .failed }.count
            let warnings = checks.filter { $0.status == .warning }.count
            print("")
            print(
                failed == 0
                    ? (warnings == 0
                        ? "Everything looks good." : "Works, with \(warnings) warning\(warnings == 1 ? "" : "s").")
                    : "\(failed) problem\(failed == 1 ? "" : "s") to fix before the robot can move.")
        }
        if checks.contains(where: { $0.status == .failed }) { throw ExitCode.failure }
    }
}
