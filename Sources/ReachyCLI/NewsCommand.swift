public import ArgumentParser

/// `reachy news`: the news anchor (digest → recital plan → speech).
public struct NewsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "news",
        abstract: "Read AI news digests aloud: fetch them, plan the recital, synthesize it, run the daily routine.",
        subcommands: [
            NewsPlanCommand.self, NewsSpeakCommand.self, NewsReciteCommand.self, NewsDailyCommand.self,
            NewsFetchCommand.self, NewsDoctorCommand.self, NewsBenchCommand.self,
        ]
    )

    public init() {}
}
