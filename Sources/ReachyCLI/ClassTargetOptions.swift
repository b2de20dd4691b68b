import ArgumentParser
import ReachyFleet

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
