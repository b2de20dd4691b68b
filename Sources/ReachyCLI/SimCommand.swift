public import ArgumentParser

/// `reachy sim`: the wire-level simulator of a Reachy Mini.
public struct SimCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run a simulated Reachy Mini that speaks Dynamixel Protocol 2.0 on a pseudo-terminal.",
        subcommands: [SimServeCommand.self, SimBenchCommand.self]
    )

    public init() {}
}
