import ArgumentParser
import Foundation
import ReachyNews

/// `reachy news doctor`: says what the daily routine sees, to find out why the news was (not) read.
struct NewsDoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Show where digests come from, the next slot, what was read last and what was rejected and why.")

    @Option(name: .long, help: "Directory holding the digest files (*.md).")
    var dir: String

    @Option(name: .long, help: "State file (JSON); default: reachy-news-state.json in --dir.")
    var state: String?

    @Option(name: .long, help: "Daily slot as HH:MM.")
    var at: String = "08:00"

    @Option(name: [.customLong("tz"), .customLong("time-zone")], help: "Time zone of the slot (IANA name).")
    var timeZone: String = "Asia/Shanghai"

    func validate() throws {
        _ = try NewsSchedule.slot(at)
        guard TimeZone(identifier: timeZone) != nil else {
            throw ValidationError("--tz '\(timeZone)' is not a known zone; use an IANA name such as Asia/Shanghai.")
        }
    }

    func run() throws {
        let (hour, minute) = try NewsSchedule.slot(at)
        let zone = TimeZone(identifier: timeZone) ?? .gmt
        let directory = URL(fileURLWithPath: dir)
        let stateFile =
            state.map { URL(fileURLWithPath: $0) } ?? directory.appendingPathComponent("reachy-news-state.json")
        let lines = NewsDoctor.report(
            directory: directory, state: stateFile, schedule: DailySchedule(hour: hour, minute: minute, timeZone: zone),
            now: Date())
        for line in lines { print(line) }
        if lines.first?.hasPrefix("Digests: ") == true, lines.count == 1 { throw ExitCode(1) }
    }
}
