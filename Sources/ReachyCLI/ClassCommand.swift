import ArgumentParser

/// `reachy class`: the teacher's side of a classroom fleet over MQTT.
struct ClassCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "class",
        abstract: "Teach a class of robots over MQTT: list them, run a Bop program on all of them at once, stop them.",
        discussion: """
            Robots join with `reachy serve --fleet mqtt://HOST[:PORT] --robot-name NAME [--group G] --class-token \
            SECRET`; the teacher uses the same broker and token (--class-token or REACHY_CLASS_TOKEN). \
            docs/classroom.md explains the set-up, security and scale.
            """,
        subcommands: [
            ClassListCommand.self, ClassRunCommand.self, ClassStopCommand.self, ClassWakeCommand.self,
            ClassSleepCommand.self, ClassSayCommand.self,
        ])
}
