import ArgumentParser
import Foundation
import ReachyFleet
import ReachyService

/// `reachy serve --fleet mqtt://HOST[:PORT] --group G`: joining a class (with `--robot-name` as the robot's name);
/// `reachy serve --teach mqtt://HOST[:PORT]`: watching a class from the classroom page.
struct FleetJoinOptions: ParsableArguments {
    @Option(
        name: .customLong("fleet"),
        help: ArgumentHelp(
            "Join a class over MQTT through this broker (mqtt://HOST[:PORT] or mqtts://…): the teacher's "
                + "`reachy class` sees the robot and sends it programs (docs/classroom.md).",
            valueName: "broker"))
    var fleet: String?

    @Option(name: .customLong("group"), help: "With --fleet: the robot's group in the class (e.g. table3).")
    var group: String?

    @Option(
        name: .customLong("teach"),
        help: ArgumentHelp(
            "Watch a class through this broker from the classroom page (/playground/classroom.html): every robot "
                + "drawn live, the editor's program sent to a selection, stop all.",
            valueName: "broker"))
    var teach: String?

    @OptionGroup var access: ClassAccessOptions

    /// Checks the options; a robot in a class needs a class token.
    func validate(robotName: String) throws {
        if let teach {
            _ = try access.broker(teach)
            _ = try access.topics()
            guard access.token != nil else {
                throw ValidationError(
                    "The classroom page needs the class token: --class-token SECRET or REACHY_CLASS_TOKEN (robots "
                        + "refuse commands without it).")
            }
        }
        guard let fleet else {
            if group != nil { throw ValidationError("--group needs --fleet (the class's broker).") }
            return
        }
        _ = try access.broker(fleet)
        _ = try access.topics()
        do {
            try FleetTopics.check(robotName, kind: "robot name (--robot-name)")
            if let group { try FleetTopics.check(group, kind: "group") }
        } catch {
            throw ValidationError(error.description)
        }
        guard access.token != nil else {
            throw ValidationError(
                "A robot in a class needs the class token: --class-token SECRET or REACHY_CLASS_TOKEN (the teacher "
                    + "uses the same one), so that nobody else on the broker can command it.")
        }
    }

    /// The classroom page's teacher, connected; nil without --teach.
    func teacher() async throws -> FleetTeacher? {
        guard let teach else { return nil }
        do {
            let teacher = try FleetTeacher(
                broker: try access.broker(teach), topics: try access.topics(), token: access.token, watchStates: true)
            try await teacher.connect()
            return teacher
        } catch let error as FleetError {
            throw CLIError(error.description)
        }
    }

    /// The agent for `service`, connected and announced; nil without --fleet.
    func join(service: RobotService, robotName: String, maxBytes: Int) async throws -> FleetAgent? {
        guard let fleet else { return nil }
        do {
            let configuration = try FleetAgentConfiguration(
                broker: try access.broker(fleet), topics: try access.topics(), name: robotName, group: group,
                token: access.token, maxCommandBytes: maxBytes, version: ReachyVersion.current)
            let agent = try FleetAgent(service: service, configuration: configuration)
            let joined =
                "In class \(configuration.topics.classroom) as \(robotName)"
                + (group.map { " (group \($0))" } ?? "") + " via \(configuration.broker)\n"
            // A robot may start before the class's broker (a Raspberry Pi before the teacher's laptop): it waits for
            // it, served meanwhile, rather than stopping.
            try await agent.start(
                retry: .seconds(2),
                waiting: { error in
                    FileHandle.standardError.write(
                        Data(
                            ("\(error.description)\nWaiting for the broker: trying again every 2 s (the robot is served "
                                + "meanwhile; Ctrl-C to stop).\n").utf8))
                },
                joined: { FileHandle.standardOutput.write(Data(joined.utf8)) })
            return agent
        } catch let error as FleetError {
            throw CLIError(error.description)
        }
    }
}
