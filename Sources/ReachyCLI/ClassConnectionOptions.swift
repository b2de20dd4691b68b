import ArgumentParser
import Foundation
import ReachyFleet

/// The teacher's connection to a class: `--broker mqtt://HOST[:PORT]` and the class's access options.
struct ClassConnectionOptions: ParsableArguments {
    @Option(
        name: .customLong("broker"),
        help: ArgumentHelp("The class's MQTT broker (mqtt://HOST[:PORT] or mqtts://…).", valueName: "url"))
    var broker = "mqtt://127.0.0.1:1883"

    @OptionGroup var access: ClassAccessOptions

    func validate() throws {
        _ = try access.broker(broker)
        _ = try access.topics()
    }

    /// A connected teacher (`watchStates`: with the robots' pose samples).
    func connect(watchStates: Bool = false) async throws -> FleetTeacher {
        do {
            let teacher = try FleetTeacher(
                broker: try access.broker(broker), topics: try access.topics(), token: access.token,
                watchStates: watchStates)
            try await teacher.connect()
            return teacher
        } catch let error as FleetError {
            throw CLIError(error.description)
        }
    }
}
