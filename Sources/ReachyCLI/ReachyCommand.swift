import ArgumentParser

/// The `reachy` command: the root of every subcommand.
public struct ReachyCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "reachy",
        abstract: "Drive a Reachy Mini robot (or its simulator) from the command line.",
        subcommands: [
            DemoCommand.self,
            PortsCommand.self,
            ScanCommand.self,
            ReadCommand.self,
            WriteCommand.self,
            RegistersCommand.self,
            DoctorCommand.self,
            SimCommand.self,
            IKCommand.self,
            FKCommand.self,
            DanceCommand.self,
            BenchCommand.self,
            NewsCommand.self,
            BopCheckCommand.self,
            BopTimelineCommand.self,
            BopRunCommand.self,
            BopBenchCommand.self,
            WakeCommand.self,
            SleepCommand.self,
            GotoCommand.self,
            PlayCommand.self,
            RecordCommand.self,
        ]
    )

    public init() {}
}
