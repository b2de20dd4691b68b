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

/// Who a teacher's command is for: exactly one of `--all`, `--group G`, `--robot NAME`.
struct ClassTargetOptions: ParsableArguments {
    @Flag(name: .customLong("all"), help: "Every robot of the class.")
    var all = false

    @Option(name: .customLong("group"), help: "The robots of this group.")
    var group: String?

    @Option(name: .customLong("robot"), help: "This robot.")
    var robot: String?

    func validate() throws {
        let count = (all ? 1 : 0) + (group == nil ? 0 : 1) + (robot == nil ? 0 : 1)
        guard count == 1 else { throw ValidationError("Say who it is for: --all, --group G or --robot NAME (one).") }
        do {
            if let group { try FleetTopics.check(group, kind: "group") }
            if let robot { try FleetTopics.check(robot, kind: "robot name") }
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The target.
    var target: FleetTarget {
        if let group { return .group(group) }
        if let robot { return .robot(robot) }
        return .all
    }
}
