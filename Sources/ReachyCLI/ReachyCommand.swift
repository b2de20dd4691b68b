public import ArgumentParser

/// The `reachy` command: the root of every subcommand.
public struct ReachyCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "reachy",
        abstract: "Drive a Reachy Mini robot (or its simulator) from the command line.",
        discussion: """
            Commands that talk to a robot take --port PATH (its serial port, or a simulator's pty), --sim (the \
            built-in simulator) or --daemon URL (the official daemon of a Wireless robot, e.g. \
            http://reachy-mini.local:8000); with none they use the robot if one is plugged in, else the simulator.
            """,
        groupedSubcommands: [
            CommandGroup(
                name: "Get started",
                subcommands: [DemoCommand.self, DoctorCommand.self, PortsCommand.self]),
            CommandGroup(
                name: "Move the robot",
                subcommands: [
                    WakeCommand.self, SleepCommand.self, GotoCommand.self, DanceCommand.self, PlayCommand.self,
                    RecordCommand.self,
                ]),
            CommandGroup(
                name: "Bop, the language for children",
                subcommands: [BopCheckCommand.self, BopTimelineCommand.self, BopRunCommand.self]),
            CommandGroup(name: "News anchor", subcommands: [NewsCommand.self]),
            CommandGroup(
                name: "Kinematics and pictures",
                subcommands: [IKCommand.self, FKCommand.self, RenderCommand.self]),
            CommandGroup(
                name: "Motors and bus",
                subcommands: [ScanCommand.self, ReadCommand.self, WriteCommand.self, RegistersCommand.self]),
            CommandGroup(name: "Service", subcommands: [ServeCommand.self, ClassCommand.self]),
            CommandGroup(
                name: "Simulator and measurements",
                subcommands: [SimCommand.self, BenchCommand.self]),
        ]
    )

    public init() {}
}
