import ArgumentParser
import ReachyFleet

/// `reachy class stop`: stops whatever the robots are playing; they hold where they are.
struct ClassStopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop", abstract: "Stop what the robots play (they hold where they are).")
    @OptionGroup var connection: ClassConnectionOptions
    @OptionGroup var target: ClassTargetOptions

    func run() async throws {
        try await ClassAction.send(.stop, connection: connection, target: target.target, until: [.done], timeout: 5)
    }
}

/// `reachy class wake`: motors on, to the initial pose.
struct ClassWakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "wake", abstract: "Wake the robots up.")
    @OptionGroup var connection: ClassConnectionOptions
    @OptionGroup var target: ClassTargetOptions

    func run() async throws {
        try await ClassAction.send(
            .wake, connection: connection, target: target.target, until: [.done, .stopped], timeout: 15)
    }
}

/// `reachy class sleep`: to the sleep pose, motors off.
struct ClassSleepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sleep", abstract: "Put the robots to sleep.")
    @OptionGroup var connection: ClassConnectionOptions
    @OptionGroup var target: ClassTargetOptions

    func run() async throws {
        try await ClassAction.send(
            .sleep, connection: connection, target: target.target, until: [.done, .stopped], timeout: 15)
    }
}

/// `reachy class say TEXT`: the robots say a line.
struct ClassSayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "say", abstract: "Make the robots say a line.")
    @OptionGroup var connection: ClassConnectionOptions
    @OptionGroup var target: ClassTargetOptions
    @Argument(help: "What to say (one line, no double quotes).") var text: String

    func run() async throws {
        try await ClassAction.send(
            .say, text: text, connection: connection, target: target.target, until: [.started], timeout: 15)
    }
}
