import ArgumentParser
import Foundation
import ReachyNews

/// `reachy news doctor`: says what the daily routine sees, to find out why the news was (not) read.
struct NewsDoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Show where digests come from, the next slot, what was read last and what was rejected and why.")

    @OptionGroup var routine: NewsRoutineOptions

    func run() throws {
        let (hour, minute) = try NewsSchedule.slot(routine.at)
        let zone = TimeZone(identifier: routine.timeZone) ?? .gmt
        let directory = URL(fileURLWithPath: routine.dir)
        let stateFile = URL(fileURLWithPath: routine.statePath)
        let lines = NewsDoctor.report(
            directory: directory, state: stateFile, schedule: DailySchedule(hour: hour, minute: minute, timeZone: zone),
            now: Date())
        for line in lines { print(line) }
        if lines.first?.hasPrefix("Digests: ") == true, lines.count == 1 { throw ExitCode(1) }
    }
}
